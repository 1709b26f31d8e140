/// Colours and drawn radii of elements in structure pictures (CPK/Jmol-like colours).
enum ElementStyle {
    static let colours: [Int: String] = [
        1: "#e8e8e8", 6: "#555555", 7: "#3050f8", 8: "#ff0d0d", 9: "#90e050", 17: "#1ff01f", 30: "#7d80b0",
        35: "#a62929", 53: "#940094", 55: "#57178f", 50: "#668080", 82: "#575961", 16: "#ffff30",
    ]

    static func colour(_ z: Int) -> String { colours[z] ?? "#ff1493" }

    /// Drawn radius in Å (scaled covalent-like sizes; hydrogens small).
    static func radius(_ z: Int) -> Double {
        switch z {
        case 1: 0.25
        case 6, 7, 8, 9: 0.4
        case 17, 30: 0.55
        case 35, 50: 0.6
        case 53, 82: 0.7
        case 55: 0.8
        default: 0.5
        }
    }

    /// Atoms that are drawn without bonds (ionic A-site cations).
    static let unbonded: Set<Int> = [55, 37, 19, 11]
}
