import Foundation

/// Sets the OpenMP and OpenBLAS thread counts of this process deliberately.
///
/// libgomp reads OMP_NUM_THREADS when it is loaded, before `main`, so setting the variable from
/// inside the program is too late; the runtime calls are looked up with dlsym instead. Left at the
/// machine's core count, small xTB calculations ran 10–250× slower on a 2-core node.
public enum ThreadControl {
    /// Threads per process chosen by the environment (OMP_NUM_THREADS), or 1.
    public static var requested: Int {
        ProcessInfo.processInfo.environment["OMP_NUM_THREADS"].flatMap { Int($0) } ?? 1
    }

    /// Applies `threads` to OpenMP and OpenBLAS if they are loaded; returns what it applied.
    @discardableResult
    public static func apply(threads: Int) -> Int {
        let count = max(1, threads)
        setenv("OMP_NUM_THREADS", "\(count)", 1)
        setenv("OPENBLAS_NUM_THREADS", "\(count)", 1)
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let handle = dlopen(nil, RTLD_NOW) else { return count }
        defer { dlclose(handle) }
        for symbol in ["omp_set_num_threads", "openblas_set_num_threads"] {
            if let pointer = dlsym(handle, symbol) {
                unsafeBitCast(pointer, to: SetThreads.self)(Int32(count))
            }
        }
        return count
    }
}
