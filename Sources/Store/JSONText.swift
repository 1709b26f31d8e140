import Structures

/// JSON arrays of numbers as UTF-8 bytes, written by hand: Swift's shortest round-trip decimals
/// ("-0.0", "1e-05", "5e-324"), which read back bit for bit and are the text GRDB's records store.
enum JSONText {
    /// `[v, …]`; throws on NaN or infinity (not JSON).
    static func numbers(_ values: [Double]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 20 + 2)
        try append(values, to: &out)
        return out
    }

    /// `[[a, b, c], …]`.
    static func rows(_ rows: [[Double]]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 60 + 2)
        out.append(UInt8(ascii: "["))
        for (i, row) in rows.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            try append(row, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `[[x, y, z], …]` of vectors (positions, lattice rows).
    static func vectors(_ vectors: [Vec3]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(vectors.count * 60 + 2)
        out.append(UInt8(ascii: "["))
        for (i, v) in vectors.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            try append(v.x, to: &out)
            out.append(UInt8(ascii: ","))
            try append(v.y, to: &out)
            out.append(UInt8(ascii: ","))
            try append(v.z, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `[1, 8, …]`.
    static func integers(_ values: [Int]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: v.description.utf8)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    private static func append(_ values: [Double], to out: inout [UInt8]) throws {
        out.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            try append(v, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func append(_ value: Double, to out: inout [UInt8]) throws {
        guard value.isFinite else {
            throw StoreError.corruptRow(table: "calculations", key: "-", "non-finite number \(value)")
        }
        out.append(contentsOf: value.description.utf8)
    }
}
