import Structures

/// How close two atoms of different parts of a built product may come (Å): far enough that
/// the bond rule sees no bond, near enough for contact. Alkali/alkaline-earth cations:
/// r_i + r_j + 0.1 (ionic contact, Cs···I 3.93); H–H 2.0; H–other 2.4; other pairs
/// max(3.2, bond cutoff + 0.2) (Pb···I 3.76, Zn···I 3.46, I···I 3.68).
struct ClearanceRule {
    var bondRule = BondRule()

    func minimum(_ za: Int, _ zb: Int) -> Double {
        let ra = Element.covalentRadius(za) ?? 1.5
        let rb = Element.covalentRadius(zb) ?? 1.5
        if BondRule.isIonicSpectator(za) || BondRule.isIonicSpectator(zb) { return max(2.4, ra + rb + 0.1) }
        if za == 1 && zb == 1 { return 2.0 }
        if za == 1 || zb == 1 { return 2.4 }
        return max(3.2, bondRule.cutoff(za, zb) + 0.2)
    }
}
