import CXTB
import Foundation
import Structures

/// GFN2-xTB, GFN1-xTB, GFN0-xTB and GFN-FF single points through libxtb's C API, in process.
///
/// Every call builds a fresh molecule, calculator and results object, so a result depends only on
/// (structure, settings), never on the calls made before it. Not thread-safe: GFN0 and GFN-FF share
/// Fortran file units, and GFN-FF calls change the working directory; use one per process.
public final class XTBCalculator: Calculator {
    private let environment: XTBEnvironment

    /// Creates the process's libxtb environment; its scratch folder goes under `scratchParent`.
    public init(scratchParent: URL? = nil) throws {
        environment = try XTBEnvironment(scratchParent: scratchParent)
    }

    public var engineVersion: String { "libxtb \(XTBCalculator.libraryVersion)" }

    /// libxtb's release, from its API version (10000 → 6.5.x in Debian bookworm's build).
    public static var libraryVersion: String {
        let api = xtb_getAPIVersion()
        return api == 10000 ? "6.5.1 (api \(api))" : "api \(api)"
    }

    public func validate(_ structure: Structure, settings: Settings) throws {
        try XTBInputPolicy.check(structure, settings: settings)
    }

    public func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        try validate(structure, settings: settings)
        try XTBProcessState.admit(settings.method)
        let clock = ContinuousClock.now
        let run = { try self.compute(structure, settings: settings) }
        var result = settings.method == .gfnff ? try environment.withQuietScratch(run) : try run()
        let elapsed = ContinuousClock.now - clock
        result.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    private func compute(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        let env = environment.handle
        let molecule = try XTBMolecule(structure, environment: environment)
        var calc: xtb_TCalculator? = xtb_newCalculator()
        var results: xtb_TResults? = xtb_newResults()
        defer {
            xtb_delResults(&results)
            xtb_delCalculator(&calc)
        }
        try load(settings.method, molecule: molecule.handle, calculator: calc)
        try configure(calc, settings: settings)
        xtb_singlepoint(env, molecule.handle, calc, results)
        try environment.check("\(settings.method.displayName) single point")
        return try XTBResultReader(environment: environment, results: results, atoms: structure.count,
                                   method: settings.method, engine: engineVersion).read()
    }

    private func load(_ method: Method, molecule: xtb_TMolecule?, calculator: xtb_TCalculator?) throws {
        let env = environment.handle
        switch method {
        case .gfn2: xtb_loadGFN2xTB(env, molecule, calculator, nil)
        case .gfn1: xtb_loadGFN1xTB(env, molecule, calculator, nil)
        case .gfn0: xtb_loadGFN0xTB(env, molecule, calculator, nil)
        case .gfnff: xtb_loadGFNFF(env, molecule, calculator, nil)
        }
        try environment.check("loading \(method.displayName)")
    }

    private func configure(_ calc: xtb_TCalculator?, settings: Settings) throws {
        let env = environment.handle
        xtb_setAccuracy(env, calc, settings.accuracy)
        if settings.method != .gfnff {
            xtb_setElectronicTemp(env, calc, settings.electronicTemperature)
            xtb_setMaxIter(env, calc, Int32(settings.maxIterations))
        }
        if let solvent = settings.solvent {
            let name = strdup(solvent)
            defer { free(name) }
            xtb_setSolvent(env, calc, name, nil, nil, nil)
        }
        try environment.check("configuring \(settings.method.displayName)")
    }
}

/// A libxtb molecule built from a validated structure (positions converted to Bohr).
private final class XTBMolecule {
    let handle: xtb_TMolecule?

    init(_ structure: Structure, environment: XTBEnvironment) throws {
        var natoms = Int32(structure.count)
        let numbers = structure.atomicNumbers.map { Int32($0) }
        let positions = structure.positions.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
        var charge = Double(structure.charge)
        var uhf = Int32(structure.unpairedElectrons)
        if let lattice = structure.lattice {
            let cell = lattice.vectors.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
            let periodic = lattice.pbc
            handle = xtb_newMolecule(environment.handle, &natoms, numbers, positions, &charge, &uhf, cell, periodic)
        } else {
            handle = xtb_newMolecule(environment.handle, &natoms, numbers, positions, &charge, &uhf, nil, nil)
        }
        try environment.check("building the molecule")
    }

    deinit {
        var mol = handle
        xtb_delMolecule(&mol)
    }
}
