import CXTB
import Structures

/// Reads energy, gradient, charges and the HOMO–LUMO gap out of a libxtb results object.
struct XTBResultReader {
    let environment: XTBEnvironment
    let results: xtb_TResults?
    let atoms: Int
    let method: Method
    let engine: String

    func read() throws -> CalculationResult {
        let env = environment.handle
        var energy = 0.0
        xtb_getEnergy(env, results, &energy)
        var flatGradient = [Double](repeating: 0, count: 3 * atoms)
        xtb_getGradient(env, results, &flatGradient)
        try environment.check("reading \(method.displayName) results")
        let gradient = stride(from: 0, to: flatGradient.count, by: 3).map { Array(flatGradient[$0..<$0 + 3]) }
        return CalculationResult(energy: energy, gradient: gradient, charges: try charges(), gapEV: gap(),
                                 sccIterations: nil, sccConverged: true, wallSeconds: 0, engine: engine)
    }

    /// Partial charges (Mulliken for GFN1/2, EEQ for GFN0); GFN-FF results carry none in the API.
    private func charges() throws -> [Double]? {
        guard method != .gfnff else { return nil }
        var charges = [Double](repeating: 0, count: atoms)
        xtb_getCharges(environment.handle, results, &charges)
        try environment.check("reading \(method.displayName) charges")
        return charges
    }

    /// HOMO–LUMO gap in eV from orbital energies and occupations; nil without orbitals (GFN-FF).
    private func gap() -> Double? {
        guard method != .gfnff else { return nil }
        let env = environment.handle
        var nao: Int32 = 0
        xtb_getNao(env, results, &nao)
        guard (try? environment.check("reading orbitals")) != nil, nao > 1 else { return nil }
        var energies = [Double](repeating: 0, count: Int(nao))
        var occupations = [Double](repeating: 0, count: Int(nao))
        xtb_getOrbitalEigenvalues(env, results, &energies)
        xtb_getOrbitalOccupations(env, results, &occupations)
        guard (try? environment.check("reading orbitals")) != nil else { return nil }
        return OrbitalGap.gapEV(energies: energies, occupations: occupations)
    }
}

/// The HOMO–LUMO gap as xtb reports it: HOMO is orbital ⌈N/2⌉ for N electrons (occupations sum).
enum OrbitalGap {
    static func gapEV(energies: [Double], occupations: [Double]) -> Double? {
        let electrons = occupations.reduce(0, +).rounded()
        let homo = Int((electrons / 2).rounded(.up)) - 1
        guard homo >= 0, homo + 1 < energies.count else { return nil }
        return (energies[homo + 1] - energies[homo]) * Units.eVPerHartree
    }
}
