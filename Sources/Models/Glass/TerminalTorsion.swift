import Structures

/// Turns a terminal substituted ligand (mIm, dcIm) about its Zn–N bond until its atoms clear
/// the atoms already placed: the crystal's Im rings leave room for H, not always for Cl or
/// CH3. Turns tried: 0, ±15°, ±30° … 180°; the first whose every new pair is at least the bond
/// cutoff + `margin` apart, else the one with the most room. Bridging ligands cannot turn.
enum TerminalTorsion {
    static let margin = 0.3

    static let turns: [Double] = {
        var degrees: [Double] = [0]
        for step in 1..<12 { degrees += [Double(step) * 15, -Double(step) * 15] }
        return (degrees + [180]).map { $0 * Double.pi / 180 }
    }()

    /// The ligand's atoms turned about the axis Zn → bound N (positions only; order kept).
    static func cleared(_ atoms: [(z: Int, position: Vec3)], zinc: Vec3, nitrogen: Vec3,
                        placed: [(z: Int, position: Vec3)], rule: BondRule = BondRule()) -> [(z: Int, position: Vec3)] {
        guard let axis = Geo3.unit(nitrogen - zinc) else { return atoms }
        var best: (room: Double, atoms: [(z: Int, position: Vec3)]) = (-.infinity, atoms)
        for angle in turns {
            let turn = RigidRotation(axis: axis, angle: angle)
            let moved = atoms.map { (z: $0.z, position: zinc + turn.apply($0.position - zinc)) }
            let room = self.room(moved, placed: placed, zinc: zinc, rule: rule)
            if room >= margin { return moved }
            if room > best.room { best = (room, moved) }
        }
        return best.atoms
    }

    /// The smallest (distance − bond cutoff) between a new atom and a placed one (the bound
    /// Zn left out: the ligand's N is meant to bond to it).
    static func room(_ atoms: [(z: Int, position: Vec3)], placed: [(z: Int, position: Vec3)], zinc: Vec3, rule: BondRule) -> Double {
        var smallest = Double.infinity
        for a in atoms {
            for p in placed where p.position != zinc {
                smallest = min(smallest, Geo3.distance(a.position, p.position) - rule.cutoff(a.z, p.z))
            }
        }
        return smallest
    }
}
