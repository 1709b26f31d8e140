import Foundation
import Structures

/// Places a rigid unit (the glass fragment after the exchange) against fixed atoms: for each
/// of 800 orientations (100 directions × 8 spins, in the site's own frame) the unit comes in
/// along a line through a target point and stops where no pair is closer than its clearance;
/// kept are placements where a transferred halide touches the framework (within 1 Å of its
/// clearance); the best is the one whose anchor atom ends nearest the target.
struct RigidPlacement {
    let numbers: [Int]
    /// Unit coordinates in its own frame, anchor atom at the origin.
    let local: [Vec3]
    /// Unit atoms that must touch the framework (the new halides).
    let contacts: [Int]
    /// Which lab orientations (frame × rotation) may be used; all by default.
    var admits: (RigidRotation) -> Bool = { _ in true }

    static let orientations: [RigidRotation] = Geo3.fibonacciSphere(100).flatMap { d in
        let base = RigidRotation.aligning(Vec3(1, 0, 0), to: d)
        return (0..<8).map { RigidRotation(axis: d, angle: Double($0) * Double.pi / 4) * base }
    }

    static let closestApproach = -2.0
    static let contactSlack = 1.0

    /// Lab positions of the best placement, nil when none touches.
    func best(frame: RigidRotation, target: Vec3, slide: Vec3, fixed: [(z: Int, position: Vec3)],
              framework: [Int], clearance: ClearanceRule) -> [Vec3]? {
        let limits = numbers.map { z in fixed.map { clearance.minimum(z, $0.z) } }
        var best: (score: Int64, positions: [Vec3])?
        for rotation in Self.orientations {
            let map = frame * rotation
            guard admits(map) else { continue }
            let start = local.map { target + map.apply($0) }
            let s = slideDistance(start, slide: slide, fixed: fixed, limits: limits)
            let placed = start.map { $0 + s * slide }
            guard touches(placed, fixed: fixed, framework: framework, limits: limits) else { continue }
            let score = Int64((abs(s) * 1e6).rounded())
            if best.map({ score < $0.score }) ?? true { best = (score, placed) }
        }
        return best?.positions
    }

    /// The smallest shift along `slide` beyond every pair's forbidden interval (or the
    /// closest approach when nothing is in the way).
    func slideDistance(_ start: [Vec3], slide: Vec3, fixed: [(z: Int, position: Vec3)], limits: [[Double]]) -> Double {
        var s = Self.closestApproach
        for (a, p) in start.enumerated() {
            for (f, atom) in fixed.enumerated() {
                let w = p - atom.position
                let b = Geo3.dot(w, slide)
                let disc = b * b - Geo3.dot(w, w) + limits[a][f] * limits[a][f]
                if disc > 0 { s = max(s, -b + disc.squareRoot()) }
            }
        }
        return s + 1e-6
    }

    func touches(_ placed: [Vec3], fixed: [(z: Int, position: Vec3)], framework: [Int], limits: [[Double]]) -> Bool {
        contacts.contains { a in
            framework.contains { f in
                fixed[f].z != 1 && Geo3.distance(placed[a], fixed[f].position) <= limits[a][f] + Self.contactSlack
            }
        }
    }
}
