import Engine
import Foundation
import Models
import Store
import Structures

/// `interscreen bulk` for one cell file: read it and run the supercell study on the stored energy
/// source; an unusable file is recorded as a failure and returned classified, never thrown.
public struct BulkJob {
    let store: ResultsStore
    let calculator: any Calculator
    let settings: Settings
    let options: BulkStudyOptions
    let runID: Int64
    let host: String
    let version: String

    public init(store: ResultsStore, calculator: any Calculator, settings: Settings, options: BulkStudyOptions,
                runID: Int64, host: String, version: String) {
        self.store = store
        self.calculator = calculator
        self.settings = settings
        self.options = options
        self.runID = runID
        self.host = host
        self.version = version
    }

    /// The study of `file`; `onEvent` sees each step with the cell it belongs to.
    public func run(file: String, onEvent: ((BulkStudy.Event, Structure) -> Void)? = nil)
        -> Result<BulkStudyResult, ClassifiedFailure> {
        var cell: Structure?
        do {
            let structure = try StructureFile.read(path: file)
            cell = structure
            let source = StoredEnergySource(store: store, calculator: calculator, settings: settings, sourceFile: file,
                                            runID: runID, host: host, version: version)
            return .success(try BulkStudy(source: source, options: options).run(structure) { onEvent?($0, structure) })
        } catch {
            let failure = FailureClass.classify(error)
            WorkLedger(store: store, calculator: calculator).recordFailure(
                source: file, structure: cell, settings: settings, failure: failure,
                provenance: Provenance(runID: runID, host: host, version: version, startedAt: Date(), sourceFile: file))
            return .failure(ClassifiedFailure(failure.failureClass, failure.message))
        }
    }
}
