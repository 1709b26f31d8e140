import CXTB
import Foundation
import Structures

/// A molecule with a loaded, configured libxtb calculator: parameters, basis and solvation.
///
/// Loading the parametrisation costs 4–7 ms, more than a whole small-molecule single point, so
/// the calculator keeps the last model and, when the next structure has the same atoms, charge,
/// spin, periodicity and settings, only moves the atoms (`xtb_updateMolecule`). Each single point
/// still gets a fresh results object, so no SCC restart carries over: the energies are bit for bit
/// those of a fresh model (tested). GFN-FF is never reused: its topology depends on the geometry.
final class XTBLoadedModel {
    /// What must match for a model to be reused.
    struct Key: Equatable {
        var atomicNumbers: [Int]
        var charge: Int
        var multiplicity: Int
        var pbc: [Bool]?
        var settings: Settings

        init(_ structure: Structure, settings: Settings) {
            atomicNumbers = structure.atomicNumbers
            charge = structure.charge
            multiplicity = structure.multiplicity
            pbc = structure.lattice?.pbc
            self.settings = settings
        }

        /// GFN-FF builds its topology from the first geometry; GFN0 is not reused either (see XTBProcessState).
        var reusable: Bool { settings.method == .gfn2 || settings.method == .gfn1 }
    }

    let key: Key
    let molecule: XTBMolecule
    private(set) var calculator: xtb_TCalculator?
    private let environment: XTBEnvironment

    init(_ structure: Structure, settings: Settings, key: Key, environment: XTBEnvironment) throws {
        self.key = key
        self.environment = environment
        molecule = try XTBMolecule(structure, environment: environment)
        calculator = xtb_newCalculator()
        try load(settings.method)
        try configure(settings)
    }

    deinit {
        xtb_delCalculator(&calculator)
    }

    /// Moves the atoms to `structure`'s positions.
    func update(_ structure: Structure) throws {
        try molecule.update(structure, environment: environment)
    }

    private func load(_ method: Method) throws {
        let env = environment.handle
        switch method {
        case .gfn2: xtb_loadGFN2xTB(env, molecule.handle, calculator, nil)
        case .gfn1: xtb_loadGFN1xTB(env, molecule.handle, calculator, nil)
        case .gfn0:
            let file = XTBEnvironment.gfn0ParameterFile.map { strdup($0) } ?? nil
            defer { free(file) }
            xtb_loadGFN0xTB(env, molecule.handle, calculator, file)
        case .gfnff: xtb_loadGFNFF(env, molecule.handle, calculator, nil)
        }
        try environment.check("loading \(method.displayName)")
    }

    private func configure(_ settings: Settings) throws {
        let env = environment.handle
        xtb_setAccuracy(env, calculator, settings.accuracy)
        if settings.method != .gfnff {
            xtb_setElectronicTemp(env, calculator, settings.electronicTemperature)
            xtb_setMaxIter(env, calculator, Int32(settings.maxIterations))
        }
        if let solvent = settings.solvent {
            let name = strdup(solvent)
            defer { free(name) }
            xtb_setSolvent(env, calculator, name, nil, nil, nil)
        }
        try environment.check("configuring \(settings.method.displayName)")
    }
}

/// A libxtb molecule built from a validated structure (positions converted to Bohr).
final class XTBMolecule {
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

    /// New positions (and cell) for the same atoms.
    func update(_ structure: Structure, environment: XTBEnvironment) throws {
        let positions = structure.positions.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
        if let lattice = structure.lattice {
            let cell = lattice.vectors.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
            xtb_updateMolecule(environment.handle, handle, positions, cell)
        } else {
            xtb_updateMolecule(environment.handle, handle, positions, nil)
        }
        try environment.check("updating the molecule")
    }

    deinit {
        var mol = handle
        xtb_delMolecule(&mol)
    }
}
