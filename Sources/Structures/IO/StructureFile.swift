import Foundation

/// Reads and writes structure files, choosing the format from the file name.
///
/// `.xyz`/`.extxyz` → (extended) XYZ; `.vasp`, `.poscar`, `.contcar` and names starting with
/// POSCAR or CONTCAR → VASP 5; `.cif` → CIF (read only).
public enum StructureFile {
    /// The formats known here.
    public enum Format: String, Sendable, CaseIterable {
        case xyz, poscar, cif
    }

    /// The format a path's name implies, nil when unknown.
    public static func format(of path: String) -> Format? {
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "xyz", "extxyz": return .xyz
        case "vasp", "poscar", "contcar": return .poscar
        case "cif": return .cif
        default:
            let upper = name.uppercased()
            return upper.hasPrefix("POSCAR") || upper.hasPrefix("CONTCAR") ? .poscar : nil
        }
    }

    /// The file name without directory and extension ("data/CsPbI3-alpha.cif" → "CsPbI3-alpha").
    public static func stem(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The structure in `path` (first frame of a multi-frame XYZ), named after the file stem.
    public static func read(path: String) throws -> Structure {
        try readAll(path: path)[0]
    }

    /// The first structure in `path` with its comment-line keys (XYZ; none for other formats).
    public static func frame(path: String) throws -> XYZFrame {
        guard format(of: path) == .xyz else { return XYZFrame(structure: try read(path: path)) }
        return try XYZFormat.read(try contents(of: path), file: path, name: stem(of: path))
    }

    /// Every structure in `path` (several only for multi-frame XYZ), named after the file stem.
    public static func readAll(path: String) throws -> [Structure] {
        guard let format = format(of: path) else {
            throw StructureError(.unsupportedFormat, file: path,
                                 "unknown structure format for '\((path as NSString).lastPathComponent)' (use .xyz, .extxyz, .vasp, POSCAR, CONTCAR or .cif)")
        }
        let text = try contents(of: path)
        let name = stem(of: path)
        switch format {
        case .xyz: return try XYZFormat.readAll(text, file: path, name: name).map(\.structure)
        case .poscar: return [try POSCARFormat.read(text, file: path, name: name)]
        case .cif:
            var structure = try CIFFormat.read(text, file: path)
            structure.name = name
            return [structure]
        }
    }

    /// Writes `structure` to `path` in the format its name implies (XYZ files as extended XYZ).
    public static func write(_ structure: Structure, to path: String) throws {
        let text: String
        switch format(of: path) {
        case .xyz: text = ExtendedXYZ.render(structure)
        case .poscar: text = try POSCARFormat.render(structure)
        case .cif, nil:
            throw StructureError(.unsupportedFormat, file: path,
                                 "cannot write '\((path as NSString).lastPathComponent)': write .xyz, .extxyz, .vasp, POSCAR or CONTCAR")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StructureError(.unwritable, file: path, "cannot write the file: \(error.localizedDescription)")
        }
    }

    /// The UTF-8 text of `path` (a leading byte-order mark dropped).
    static func contents(of path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StructureError(.unreadable, file: path, "no such file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw StructureError(.unreadable, file: path, "cannot read the file (a directory, or no permission)")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw StructureError(.unreadable, file: path, "the file is not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
