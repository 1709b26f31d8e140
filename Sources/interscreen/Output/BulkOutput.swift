import Engine
import Models
import Structures

/// Where `interscreen bulk` reports, as each step finishes.
protocol BulkOutput {
    /// A step of a cell's study (series chosen, supercell computed, relaxation started).
    func event(_ event: BulkStudy.Event, cell: Structure, settings: Settings)
    /// A cell's series (and relaxation) is complete.
    func finish(_ result: BulkStudyResult, file: String, engine: String, settings: Settings)
    /// A file could not be studied at all.
    func failed(file: String, failureClass: String, message: String)
    /// The differences between phases of the same composition, after all cells.
    func differences(_ differences: [PhaseDifference])
}
