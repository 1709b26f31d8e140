import ArgumentParser
import Foundation
import Structures

/// Checks, in `validate()`, that an output can be written where the user asked, so that a
/// computation is never thrown away at the end because its result has nowhere to go.
enum OutputPath {
    /// For `validate()`: prints a `CommandFailure.cannotCreate` and throws its exit status (73)
    /// unless `path` can be created or replaced: its folder exists and is writable, and it is not a folder.
    static func checkWritable(_ path: String, option: String) throws {
        do { try writable(path, option: option) } catch let failure as CommandFailure { throw failure.reported() }
    }

    private static func writable(_ path: String, option: String) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists, isFolder.boolValue {
            throw CommandFailure.cannotCreate("\(option) \(path) is a folder; name a file")
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.cannotCreate("cannot write \(option) \(path): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CommandFailure.cannotCreate("cannot write \(option) \(path): the folder \(folder) is not writable")
        }
        if exists, !FileManager.default.isWritableFile(atPath: path) {
            throw CommandFailure.cannotCreate("cannot write \(option) \(path): the file is read-only")
        }
    }

    /// Throws a usage error unless `path` names a structure format interscreen writes (extended
    /// XYZ, POSCAR); `input` (when readable) must be periodic for POSCAR.
    static func checkStructureFormat(_ path: String, option: String, input: String? = nil) throws {
        let name = (path as NSString).lastPathComponent
        switch StructureFile.format(of: path) {
        case .xyz: return
        case .poscar:
            if let input, let structure = try? StructureFile.read(path: input), structure.lattice == nil {
                throw ValidationError("\(option) \(name): POSCAR needs a periodic cell and \(input) has none; "
                    + "write .xyz or .extxyz")
            }
        case .cif, nil:
            throw ValidationError("\(option) \(name): interscreen cannot write this format; "
                + "write .xyz, .extxyz, .vasp, POSCAR or CONTCAR")
        }
    }
}
