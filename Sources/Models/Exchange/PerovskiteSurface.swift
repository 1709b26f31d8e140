import Structures

/// A perovskite fragment as the exchange sees it: atoms, and the terminal X sites (with their
/// B) that face the glass, best first.
public struct PerovskiteSurface: Sendable {
    /// One site: terminal X atom `x` on metal `b` (0-based atom indices).
    public struct Site: Sendable, Hashable {
        public var x: Int
        public var b: Int
    }

    public var structure: Structure
    public var sites: [Site]

    public init(structure: Structure, facing: [Int]) {
        self.structure = structure
        sites = facing.map { Site(x: $0, b: Self.nearestMetal(to: $0, in: structure)) }
    }

    public init(_ fragment: PerovskiteFragment) {
        self.init(structure: fragment.structure, facing: fragment.facing)
    }

    /// From a file's frame: `facing` (1-based indices, e.g. from `--glass-facing`) when given, else
    /// the `glass_facing` key when present, otherwise every terminal halide (bonded to one
    /// non-spectator metal), farthest from the metals' centroid first.
    public init(frame: XYZFrame, facing: String? = nil) throws {
        let s = frame.structure
        guard let (text, label) = facing.map({ ($0, "--glass-facing ") }) ?? frame.info["glass_facing"].map({ ($0, "glass_facing=") }) else {
            self.init(structure: s, facing: Self.outermostTerminalHalides(s))
            return
        }
        guard let indices = Self.indexList(text),
              indices.allSatisfy({ $0 <= s.count && BondRule.isHalogen(s.atomicNumbers[$0 - 1]) }) else {
            let terminal = Self.outermostTerminalHalides(s).map { "\($0 + 1)" }.joined(separator: " ")
            throw ModelBuildError("\(s.name): \(label)\"\(text)\" must list 1-based indices of halide atoms (its terminal halides: \(terminal))")
        }
        self.init(structure: s, facing: indices.map { $0 - 1 })
    }

    /// "33 35" or "33,35" as 1-based indices; nil unless there is at least one and each is a whole
    /// number ≥ 1.
    public static func indexList(_ text: String) -> [Int]? {
        let fields = text.split { $0 == " " || $0 == "," }
        let indices = fields.compactMap { Int($0) }.filter { $0 >= 1 }
        return !fields.isEmpty && indices.count == fields.count ? indices : nil
    }

    static func isCentre(_ z: Int) -> Bool { BondRule.isMetal(z) && !BondRule.isIonicSpectator(z) }

    static func nearestMetal(to x: Int, in s: Structure) -> Int {
        s.atomicNumbers.indices.filter { isCentre(s.atomicNumbers[$0]) }.min {
            Geo3.distance(s.positions[$0], s.positions[x]) < Geo3.distance(s.positions[$1], s.positions[x])
        } ?? x
    }

    /// Halides bonded to exactly one non-spectator metal, in atom order.
    static func terminalHalides(_ s: Structure) -> [Int] {
        let graph = BondGraph(s)
        return s.atomicNumbers.indices.filter { i in
            BondRule.isHalogen(s.atomicNumbers[i]) && graph.neighbours[i].filter { isCentre(s.atomicNumbers[$0]) }.count == 1
        }
    }

    static func outermostTerminalHalides(_ s: Structure) -> [Int] {
        let metals = s.atomicNumbers.indices.filter { isCentre(s.atomicNumbers[$0]) }
        let centre = Geo3.centroid(metals.map { s.positions[$0] })
        return terminalHalides(s).sorted { i, j in
            let (di, dj) = (Int64((Geo3.distance(s.positions[i], centre) * 1e4).rounded()), Int64((Geo3.distance(s.positions[j], centre) * 1e4).rounded()))
            return di != dj ? di > dj : SiteKey(s.positions[i], centre: centre) < SiteKey(s.positions[j], centre: centre)
        }
    }
}
