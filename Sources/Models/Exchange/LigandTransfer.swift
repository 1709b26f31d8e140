import Foundation
import Structures

/// Puts a ligand from the glass onto a metal site: its bound N at `distance` along the old
/// M–X axis, the N lone pair pointing at the metal, the ring plane facing a given side;
/// turned about the axis in 15° steps (0, ±15, … ±165, 180) until nothing is too close.
struct LigandTransfer {
    let numbers: [Int]
    let positions: [Vec3]
    let bound: Int
    /// The ligand's own frame: N→ring axis, ring normal.
    let frame: RigidRotation

    init(glass: Structure, ligand: GlassLigand) throws {
        let numbers = ligand.atoms.map { glass.atomicNumbers[$0] }
        let positions = ligand.atoms.map { glass.positions[$0] }
        self.numbers = numbers
        self.positions = positions
        guard let n = ligand.boundNitrogens.first, let local = ligand.atoms.firstIndex(of: n) else {
            throw ModelBuildError("\(glass.name): ligand at atom \(ligand.atoms[0] + 1) is not bound to a metal")
        }
        bound = local
        let own = BondGraph(Structure(name: "", atomicNumbers: numbers, positions: positions))
        let heavy = own.neighbours[local].filter { numbers[$0] != 1 }
        guard heavy.count == 2 else { throw ModelBuildError("\(glass.name): the bound N of a ligand has \(heavy.count) ring neighbours") }
        let (a, b, p) = (positions[heavy[0]], positions[heavy[1]], positions[local])
        let lonePair = p - (a + b) / 2
        frame = RigidRotation.frame(first: -lonePair, second: Geo3.cross(a - p, b - p))
    }

    static let turns: [Double] = {
        var degrees: [Double] = [0]
        for step in 1..<12 { degrees += [Double(step) * 15, -Double(step) * 15] }
        return (degrees + [180]).map { $0 * Double.pi / 180 }
    }()

    /// Positions on the site; throws naming the tightest clash when every turn clashes with
    /// `fixed` (the metal itself excepted for the bound N).
    func placed(metal: Int, fixed: [(z: Int, position: Vec3)], outward u: Vec3, facing e: Vec3, distance: Double,
                clearance: ClearanceRule) throws -> [Vec3] {
        let origin = fixed[metal].position + distance * u
        let side = Geo3.unit(Geo3.perpendicular(e, to: u)) ?? Geo3.anyPerpendicular(to: u)
        var tightest: (shortfall: Double, text: String) = (.infinity, "")
        for angle in Self.turns {
            let normal = cos(angle) * side + sin(angle) * Geo3.cross(u, side)
            let target = RigidRotation.frame(first: u, second: normal)
            let map = target * frame.transposed
            let moved = positions.map { origin + map.apply($0 - positions[bound]) }
            guard let clash = worstClash(moved, metal: metal, fixed: fixed, clearance: clearance) else { return moved }
            if clash.shortfall < tightest.shortfall { tightest = clash }
        }
        throw ModelBuildError("no clash-free turn of the imidazolate (best: \(tightest.text))")
    }

    /// The pair most inside its clearance (shortfall in Å, description), nil when none is.
    func worstClash(_ moved: [Vec3], metal: Int, fixed: [(z: Int, position: Vec3)],
                    clearance: ClearanceRule) -> (shortfall: Double, text: String)? {
        var worst: (shortfall: Double, text: String)?
        for (a, p) in moved.enumerated() {
            for (f, atom) in fixed.enumerated() where !(a == bound && f == metal) {
                let (d, limit) = (Geo3.distance(p, atom.position), clearance.minimum(numbers[a], atom.z))
                if d < limit, worst.map({ limit - d > $0.shortfall }) ?? true {
                    let text = String(format: "ligand %@ %.2f Å from framework %@ (needs %.2f)",
                                      Element.symbol(numbers[a]) ?? "?", d, Element.symbol(atom.z) ?? "?", limit)
                    worst = (limit - d, text)
                }
            }
        }
        return worst
    }
}
