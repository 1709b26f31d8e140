import Foundation

/// What libxtb's process-wide (Fortran module) state has been through in this process.
///
/// Measured with libxtb 6.5.1: after one GFN0-xTB calculation, later GFN2-xTB energies in the same
/// process are wrong by up to 1e-4 Eh (GFN1 happened to be unaffected in our tests) and GFN-FF can
/// crash. The global really is global — it lives in libxtb — so this mirrors it in one place and
/// the calculator refuses other methods once GFN0 has run. Run GFN0 in its own process.
enum XTBProcessState {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var ranGFN0 = false

    /// Records that `method` is about to run; throws when the process state makes it unsafe.
    static func admit(_ method: Method) throws {
        lock.lock()
        defer { lock.unlock() }
        if method == .gfn0 {
            ranGFN0 = true
        } else if ranGFN0 {
            throw EngineError(.unsupported, "this process already ran GFN0-xTB, which leaves libxtb 6.5.1's global "
                + "state altered (later \(method.displayName) results would be wrong); run GFN0 in a separate process")
        }
    }
}
