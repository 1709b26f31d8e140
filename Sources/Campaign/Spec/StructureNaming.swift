import Structures

/// Names the structures of one `[[structures]]` table: its `name` when it stands for one file,
/// otherwise `prefix` + each file's stem.
enum StructureNaming {
    static func names(_ t: TableReader, files: [String], options: StructureOptions) -> [(name: String, file: String)] {
        if let name = options.name {
            if files.count == 1 { return [(name, files[0])] }
            if files.count > 1 {
                t.context.report(t.line("name"), "`name` \"\(name)\" stands for one structure but `files` matches "
                    + "\(files.count) files: drop `name` (each file is then named by its stem) or use `prefix`")
            }
        }
        let prefix = options.prefix ?? ""
        return files.map { (prefix + StructureFile.stem(of: $0), $0) }
    }
}
