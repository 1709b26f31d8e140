import CMPIShim
import Foundation

/// This process's place in an MPI job: rank and size, and byte-message passing.
///
/// Started without `mpirun`, a program is a singleton (rank 0 of 1). MPI is initialised only by
/// commands that distribute work, never by single-process commands such as `sp`.
public final class MPIContext {
    /// This process's rank in MPI_COMM_WORLD.
    public let rank: Int
    /// Number of ranks in MPI_COMM_WORLD.
    public let size: Int
    /// Parent process at start (mpirun or its daemon); if it goes away, the job is gone.
    private let launcher = getppid()

    /// Initialises MPI (once per process) and reads rank and size.
    public init() throws {
        var provided: Int32 = 0
        guard MPI_Init_thread(nil, nil, Int32(MPI_THREAD_FUNNELED), &provided) == cmpi_success() else {
            throw SchedulerError("MPI_Init_thread failed")
        }
        var r: Int32 = 0
        var s: Int32 = 0
        MPI_Comm_rank(cmpi_comm_world(), &r)
        MPI_Comm_size(cmpi_comm_world(), &s)
        rank = Int(r)
        size = Int(s)
    }

    deinit {
        MPI_Finalize()
    }

    /// True when this process was started by Open MPI's launcher (mpirun / mpiexec).
    public static var launchedByMPIRun: Bool {
        ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_SIZE"] != nil
    }

    /// Sends `bytes` to `destination` with `tag` (blocking).
    public func send(_ bytes: [UInt8], to destination: Int, tag: MPITag) throws {
        let status = bytes.withUnsafeBufferPointer { buffer in
            MPI_Send(buffer.baseAddress, Int32(buffer.count), cmpi_byte(), Int32(destination), Int32(tag.rawValue),
                     cmpi_comm_world())
        }
        guard status == cmpi_success() else { throw SchedulerError("MPI_Send to rank \(destination) failed") }
    }

    /// Receives one message of any size from `source` (nil = any rank), without busy-polling.
    ///
    /// Open MPI's blocking receive spins a core; on a 2-core node an idle coordinator would steal a
    /// worker's core. This polls with `MPI_Iprobe` and sleeps between polls: 20 µs at first, twice as
    /// long after each empty poll, at most `idleSleep`. A reply that comes within a millisecond (the
    /// next order after a result) is seen within about that, and a long wait costs a poll per
    /// `idleSleep`.
    public func receive(from source: Int? = nil, idleSleep: Duration = .milliseconds(2)) throws -> Message {
        while true {
            if let message = try receive(from: source, timeout: .seconds(3600), idleSleep: idleSleep) { return message }
        }
    }

    /// Like `receive(from:)`, but returns nil when nothing arrived within `timeout`.
    public func receive(from source: Int? = nil, timeout: Duration,
                        idleSleep: Duration = .milliseconds(2)) throws -> Message? {
        var status = MPI_Status()
        var flag: Int32 = 0
        let from = source.map { Int32($0) } ?? cmpi_any_source()
        let deadline = ContinuousClock.now + timeout
        var pause = min(Self.firstPause, idleSleep)
        while flag == 0 {
            MPI_Iprobe(from, cmpi_any_tag(), cmpi_comm_world(), &flag, &status)
            if flag == 0 {
                if ContinuousClock.now >= deadline { return nil }
                guard getppid() == launcher else {
                    throw SchedulerError("the MPI launcher (pid \(launcher)) is gone; this rank stops")
                }
                Thread.sleep(forTimeInterval: Self.seconds(pause))
                pause = min(pause * 2, idleSleep)
            }
        }
        var count: Int32 = 0
        MPI_Get_count(&status, cmpi_byte(), &count)
        var bytes = [UInt8](repeating: 0, count: Int(count))
        let rc = bytes.withUnsafeMutableBufferPointer { buffer in
            MPI_Recv(buffer.baseAddress, count, cmpi_byte(), status.MPI_SOURCE, status.MPI_TAG, cmpi_comm_world(),
                     cmpi_status_ignore())
        }
        guard rc == cmpi_success() else { throw SchedulerError("MPI_Recv failed") }
        return Message(source: Int(status.MPI_SOURCE), tag: Int(status.MPI_TAG), bytes: bytes)
    }

    /// Ends every rank of the job at once (after a drain deadline, with tasks still running).
    public func abort(code: Int32) -> Never {
        MPI_Abort(cmpi_comm_world(), code)
        exit(code)
    }

    /// Blocks until every rank has arrived.
    public func barrier() {
        MPI_Barrier(cmpi_comm_world())
    }

    /// The first pause between polls of a receive (see `receive(from:idleSleep:)`).
    static let firstPause: Duration = .microseconds(20)

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// One received MPI message.
public struct Message: Sendable {
    public var source: Int
    /// The raw tag; `MPITag(rawValue:)` names it.
    public var tag: Int
    public var bytes: [UInt8]
}

/// A failure of the scheduling layer (MPI or task distribution).
public struct SchedulerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
