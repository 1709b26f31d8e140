/// Element data for Z = 1…86 (H…Rn), the range GFN-xTB parametrises.
///
/// Masses are IUPAC 2016 standard atomic weights (conventional values; for Tc, Pm, Po, At, Rn
/// the mass of the longest-lived isotope). Covalent radii are Cordero et al., Dalton Trans.
/// 2008, 2832 (C sp3; Mn, Fe, Co low-spin), the set ASE uses.
public struct Element: Sendable, Hashable {
    /// Chemical symbol with conventional capitalisation, e.g. "Pb".
    public let symbol: String
    /// Standard atomic weight in u (g/mol).
    public let mass: Double
    /// Covalent (single-bond) radius in Å, Cordero 2008.
    public let covalentRadius: Double

    init(_ symbol: String, _ mass: Double, _ covalentRadius: Double) {
        self.symbol = symbol
        self.mass = mass
        self.covalentRadius = covalentRadius
    }

    /// Highest atomic number in the table.
    public static let maxAtomicNumber = 86

    /// The element with atomic number `z`, or nil outside 1…86.
    public static func element(_ z: Int) -> Element? {
        (1...table.count).contains(z) ? table[z - 1] : nil
    }

    /// Chemical symbol for `z` = 1…118 (beyond Rn only the symbol is known), nil otherwise.
    public static func symbol(_ z: Int) -> String? {
        if let e = element(z) { return e.symbol }
        let heavy = z - table.count - 1
        return heavySymbols.indices.contains(heavy) ? heavySymbols[heavy] : nil
    }

    /// Symbol for messages: "Pb", or "Z=0" when `z` has no symbol.
    static func label(_ z: Int) -> String { symbol(z) ?? "Z=\(z)" }

    /// Standard atomic weight for `z` in u, nil outside 1…86.
    public static func mass(_ z: Int) -> Double? { element(z)?.mass }

    /// Covalent radius for `z` in Å (Cordero 2008), nil outside 1…86.
    public static func covalentRadius(_ z: Int) -> Double? { element(z)?.covalentRadius }

    /// Atomic number of an exact symbol, case-insensitive ("Pb", "PB", "pb"); nil otherwise.
    ///
    /// Symbols beyond Rn (e.g. "Fr", "Ra", "U") are recognised too, so that the validator can
    /// say "not supported" instead of the parser saying "unknown".
    public static func number(_ symbol: String) -> Int? {
        numberBySymbol[symbol.trimmingWhitespace().lowercased()]
    }

    /// Atomic number from a site label such as "Pb1", "I2a", "Cs_3", "O1-" (CIF, POSCAR).
    ///
    /// Takes the leading letters; tries a two-letter symbol first, then one letter.
    public static func number(fromLabel label: String) -> Int? {
        let letters = label.trimmingWhitespace().prefix { $0.isASCII && $0.isLetter }
        if letters.count >= 2, let z = number(String(letters.prefix(2))) { return z }
        if let first = letters.first { return number(String(first)) }
        return nil
    }

    /// The table, index Z − 1.
    static let table: [Element] = [
        .init("H", 1.008, 0.31),  // 1
        .init("He", 4.002602, 0.28),  // 2
        .init("Li", 6.94, 1.28),  // 3
        .init("Be", 9.0121831, 0.96),  // 4
        .init("B", 10.81, 0.84),  // 5
        .init("C", 12.011, 0.76),  // 6
        .init("N", 14.007, 0.71),  // 7
        .init("O", 15.999, 0.66),  // 8
        .init("F", 18.998403163, 0.57),  // 9
        .init("Ne", 20.1797, 0.58),  // 10
        .init("Na", 22.98976928, 1.66),  // 11
        .init("Mg", 24.305, 1.41),  // 12
        .init("Al", 26.9815385, 1.21),  // 13
        .init("Si", 28.085, 1.11),  // 14
        .init("P", 30.973761998, 1.07),  // 15
        .init("S", 32.06, 1.05),  // 16
        .init("Cl", 35.45, 1.02),  // 17
        .init("Ar", 39.948, 1.06),  // 18
        .init("K", 39.0983, 2.03),  // 19
        .init("Ca", 40.078, 1.76),  // 20
        .init("Sc", 44.955908, 1.70),  // 21
        .init("Ti", 47.867, 1.60),  // 22
        .init("V", 50.9415, 1.53),  // 23
        .init("Cr", 51.9961, 1.39),  // 24
        .init("Mn", 54.938044, 1.39),  // 25
        .init("Fe", 55.845, 1.32),  // 26
        .init("Co", 58.933194, 1.26),  // 27
        .init("Ni", 58.6934, 1.24),  // 28
        .init("Cu", 63.546, 1.32),  // 29
        .init("Zn", 65.38, 1.22),  // 30
        .init("Ga", 69.723, 1.22),  // 31
        .init("Ge", 72.63, 1.20),  // 32
        .init("As", 74.921595, 1.19),  // 33
        .init("Se", 78.971, 1.20),  // 34
        .init("Br", 79.904, 1.20),  // 35
        .init("Kr", 83.798, 1.16),  // 36
        .init("Rb", 85.4678, 2.20),  // 37
        .init("Sr", 87.62, 1.95),  // 38
        .init("Y", 88.90584, 1.90),  // 39
        .init("Zr", 91.224, 1.75),  // 40
        .init("Nb", 92.90637, 1.64),  // 41
        .init("Mo", 95.95, 1.54),  // 42
        .init("Tc", 97.90721, 1.47),  // 43
        .init("Ru", 101.07, 1.46),  // 44
        .init("Rh", 102.9055, 1.42),  // 45
        .init("Pd", 106.42, 1.39),  // 46
        .init("Ag", 107.8682, 1.45),  // 47
        .init("Cd", 112.414, 1.44),  // 48
        .init("In", 114.818, 1.42),  // 49
        .init("Sn", 118.71, 1.39),  // 50
        .init("Sb", 121.76, 1.39),  // 51
        .init("Te", 127.6, 1.38),  // 52
        .init("I", 126.90447, 1.39),  // 53
        .init("Xe", 131.293, 1.40),  // 54
        .init("Cs", 132.90545196, 2.44),  // 55
        .init("Ba", 137.327, 2.15),  // 56
        .init("La", 138.90547, 2.07),  // 57
        .init("Ce", 140.116, 2.04),  // 58
        .init("Pr", 140.90766, 2.03),  // 59
        .init("Nd", 144.242, 2.01),  // 60
        .init("Pm", 144.91276, 1.99),  // 61
        .init("Sm", 150.36, 1.98),  // 62
        .init("Eu", 151.964, 1.98),  // 63
        .init("Gd", 157.25, 1.96),  // 64
        .init("Tb", 158.92535, 1.94),  // 65
        .init("Dy", 162.5, 1.92),  // 66
        .init("Ho", 164.93033, 1.92),  // 67
        .init("Er", 167.259, 1.89),  // 68
        .init("Tm", 168.93422, 1.90),  // 69
        .init("Yb", 173.054, 1.87),  // 70
        .init("Lu", 174.9668, 1.87),  // 71
        .init("Hf", 178.49, 1.75),  // 72
        .init("Ta", 180.94788, 1.70),  // 73
        .init("W", 183.84, 1.62),  // 74
        .init("Re", 186.207, 1.51),  // 75
        .init("Os", 190.23, 1.44),  // 76
        .init("Ir", 192.217, 1.41),  // 77
        .init("Pt", 195.084, 1.36),  // 78
        .init("Au", 196.966569, 1.36),  // 79
        .init("Hg", 200.592, 1.32),  // 80
        .init("Tl", 204.38, 1.45),  // 81
        .init("Pb", 207.2, 1.46),  // 82
        .init("Bi", 208.9804, 1.48),  // 83
        .init("Po", 208.98243, 1.40),  // 84
        .init("At", 209.98715, 1.50),  // 85
        .init("Rn", 222.01758, 1.50),  // 86
    ]

    /// Symbols beyond the table (Z = 87…118): recognised, never computable here.
    static let heavySymbols = [
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc",
        "Lv", "Ts", "Og",
    ]

    static let numberBySymbol: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, e) in table.enumerated() { map[e.symbol.lowercased()] = i + 1 }
        for (i, s) in heavySymbols.enumerated() { map[s.lowercased()] = 87 + i }
        return map
    }()
}
