import Engine
import Foundation
import Models
import Store
import Structures

/// `interscreen bulk` for one cell file: read it and run the supercell study on the stored energy
/// source; an unusable file is recorded as a failure and returned classified, never thrown.
public struct BulkJob {
    let context: JobContext
    let settings: Settings
    let options: BulkStudyOptions

    public init(context: JobContext, settings: Settings, options: BulkStudyOptions) {
        self.context = context
        self.settings = settings
        self.options = options
    }

    /// The study of `file`; `onEvent` sees each step with the cell it belongs to.
    public func run(file: String, onEvent: ((BulkStudy.Event, Structure) -> Void)? = nil)
        -> Result<BulkStudyResult, ClassifiedFailure> {
        var cell: Structure?
        do {
            let structure = try StructureFile.read(path: file)
            cell = structure
            let source = StoredEnergySource(context: context, settings: settings, sourceFile: file)
            return .success(try BulkStudy(source: source, options: options).run(structure) { onEvent?($0, structure) })
        } catch {
            let failure = FailureClass.classify(error)
            context.ledger.recordFailure(source: file, structure: cell, settings: settings, failure: failure,
                                         provenance: context.provenance(sourceFile: file))
            return .failure(ClassifiedFailure(failure.failureClass, failure.message))
        }
    }
}
