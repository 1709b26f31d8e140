import Work
import ArgumentParser
import Foundation
import Scheduler

/// `interscreen mpi-info`: each rank reports to rank 0, which prints the job's shape.
struct MPIInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mpi-info",
        abstract: "Check the MPI setup: every rank sends its host name and pid to rank 0, which prints them."
    )

    func run() throws {
        let mpi = try MPIContext()
        let me = "rank \(mpi.rank) of \(mpi.size) on \(HostInfo.name) pid \(getpid())"
        if mpi.rank == 0 {
            print(me)
            for _ in 1..<max(mpi.size, 1) {
                let message = try mpi.receive()
                print(String(decoding: message.bytes, as: UTF8.self))
            }
        } else {
            try mpi.send(Array(me.utf8), to: 0, tag: .info)
        }
        mpi.barrier()
    }
}
