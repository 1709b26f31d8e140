import Foundation

/// One end of a Unix socket pair, line by line: whole lines out, lines in before a deadline.
///
/// A socket, not a pipe, so that writing to a bridge that has died returns EPIPE (`MSG_NOSIGNAL`)
/// instead of raising SIGPIPE, which would end the whole interscreen process.
final class TBLiteChannel {
    /// Why a line could not be exchanged.
    enum Failure: Error {
        /// Nothing (or no whole line) arrived before the deadline.
        case timedOut
        /// The other end closed or the socket failed (errno text).
        case closed(String)
    }

    private var fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close()
    }

    /// Makes a connected pair of sockets (both close-on-exec): (ours, the child's).
    static func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else {
            throw EngineError(.backend, "cannot create a socket pair for the tblite bridge: \(String(cString: strerror(errno)))")
        }
        return (fds[0], fds[1])
    }

    /// Sends `line` and a newline.
    func send(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw Failure.closed(String(cString: strerror(errno)))
            }
            offset += sent
        }
    }

    /// The next line (without its newline), waiting at most until `deadline`.
    func receiveLine(before deadline: ContinuousClock.Instant) throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            try waitForInput(before: deadline)
            try readAvailable()
        }
    }

    /// Closes our end (the bridge then sees the end of its input).
    func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    private func waitForInput(before deadline: ContinuousClock.Instant) throws {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw Failure.timedOut }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000
                + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, min(milliseconds, 60_000))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw Failure.closed(String(cString: strerror(errno))) }
        }
    }

    private func readAvailable() throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 {
            throw Failure.closed("end of file")
        } else if errno != EINTR && errno != EAGAIN {
            throw Failure.closed(String(cString: strerror(errno)))
        }
    }
}
