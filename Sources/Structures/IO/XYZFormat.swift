/// One frame of an XYZ file: the structure and the comment-line keys it did not consume.
public struct XYZFrame: Sendable, Equatable {
    public var structure: Structure
    /// Comment-line keys other than Lattice, pbc, charge, multiplicity, uhf and Properties
    /// (values unquoted); a plain comment without "=" is kept under "comment".
    public var info: [String: String]

    public init(structure: Structure, info: [String: String] = [:]) {
        self.structure = structure
        self.info = info
    }
}

/// Plain and extended XYZ (ASE's flavour): reading single and multi-frame files, plain writing.
///
/// Extended keys: `Lattice="ax ay az bx by bz cx cy cz"`, `pbc="T T T"`, `charge=N`,
/// `multiplicity=N` (or `uhf=N` → N+1), `Properties=species:S:1:pos:R:3:…` (other columns
/// ignored). Species are element symbols (any case) or atomic numbers.
public enum XYZFormat {
    /// The first frame of `text`; anything after it must be well-formed frames too.
    public static func read(_ text: String, file: String = "<text>", name: String = "") throws -> XYZFrame {
        try readAll(text, file: file, name: name)[0]
    }

    /// Every frame of `text`, in order (blank lines between frames are skipped).
    public static func readAll(_ text: String, file: String = "<text>", name: String = "") throws -> [XYZFrame] {
        let lines = splitLines(text)
        var frames: [XYZFrame] = []
        var index = 0
        while true {
            while index < lines.count, lines[index].isBlank { index += 1 }
            guard index < lines.count else { break }
            let (frame, next) = try readFrame(lines, at: index, file: file, name: name)
            frames.append(frame)
            index = next
        }
        guard !frames.isEmpty else { throw StructureError(.emptyFile, file: file, "the file is empty") }
        return frames
    }

    /// Plain XYZ: count, `comment` (one line), "Symbol x y z" lines.
    public static func render(_ s: Structure, comment: String = "") -> String {
        let oneLine = comment.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(s.count)\n\(oneLine)\n" + atomLines(s)
    }

    /// "Symbol x y z\n" per atom, coordinates in shortest round-trip form.
    static func atomLines(_ s: Structure) -> String {
        zip(s.atomicNumbers, s.positions).map { z, r in
            let symbol = Element.label(z)
            let padded = symbol.count < 2 ? symbol + " " : symbol
            return "\(padded) \(shortest(r.x)) \(shortest(r.y)) \(shortest(r.z))\n"
        }.joined()
    }

    /// The frame starting at `start` (0-based) and the index after it.
    static func readFrame(_ lines: [Substring], at start: Int, file: String,
                          name: String) throws -> (XYZFrame, Int) {
        let countText = lines[start].trimmingWhitespace()
        guard let count = Int(countText), count >= 0 else {
            throw StructureError(.syntax, file: file, line: start + 1,
                                 "expected the number of atoms on this line, found '\(countText)'")
        }
        let body = lines[min(start + 2, lines.count)...].prefix(count).prefix { !$0.isBlank }
        guard start + 1 < lines.count, body.count == count else {
            throw StructureError(.truncatedFile, file: file, line: start + 1,
                                 "count says \(count), file has \(body.count) atoms")
        }
        let header = try XYZHeader(lines[start + 1], file: file, line: start + 2)
        var numbers: [Int] = []
        var positions: [Vec3] = []
        for (offset, text) in body.enumerated() {
            let (z, r) = try atom(text, header: header, file: file, line: start + 3 + offset, atom: offset + 1)
            numbers.append(z)
            positions.append(r)
        }
        let structure = Structure(name: name, atomicNumbers: numbers, positions: positions,
                                  charge: header.charge, multiplicity: header.multiplicity,
                                  lattice: header.lattice)
        return (XYZFrame(structure: structure, info: header.info), start + 2 + count)
    }

    /// Atomic number and position from one atom line.
    static func atom(_ text: Substring, header: XYZHeader, file: String, line: Int,
                     atom: Int) throws -> (Int, Vec3) {
        let fields = text.fields()
        guard fields.count >= header.minimumColumns else {
            throw StructureError(.syntax, file: file, line: line, atom: atom,
                                 "expected \(header.minimumColumns) columns (species x y z), found \(fields.count)")
        }
        let symbol = fields[header.speciesColumn]
        guard let z = Element.number(String(symbol)) ?? Int(symbol).flatMap({ (1...118).contains($0) ? $0 : nil })
        else {
            throw StructureError(.unknownElement, file: file, line: line, atom: atom,
                                 "unknown element symbol '\(symbol)'")
        }
        var r = Vec3.zero
        for (i, axis) in ["x", "y", "z"].enumerated() {
            r[i] = try NumberParsing.coordinate(fields[header.positionColumn + i], what: "\(axis) of atom \(atom)",
                                                file: file, line: line, atom: atom)
        }
        return (z, r)
    }
}
