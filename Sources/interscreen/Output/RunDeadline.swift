import Campaign
import Foundation
import Scheduler

/// What `run` says about its deadline: the limit in force (where `JobDeadline` found it) and,
/// when the deadline cut the run short, the closing message.
enum RunDeadline {
    /// The run's time limit (with the cost model calibrated to the database's history), said on
    /// stdout; nil when there is no deadline.
    static func limit(option: String?, margin: Double, costs: CostModel) throws -> TaskTimeLimit? {
        let clock = try RunClock.fromEnvironment()
        guard let (date, source) = try JobDeadline.resolve(option: option, clock: clock) else { return nil }
        let limit = TaskTimeLimit(deadline: date, margin: margin, costs: costs, clock: clock)
        printFlushed("deadline \(stamp(date)) (from \(source)): tasks start only if predicted to end by "
            + "\(stamp(limit.lastFinish)) (margin \(Int(margin)) s)"
            + (clock.frozenAt.map { "; clock frozen at \(stamp($0)) (INTERSCREEN_CLOCK)" } ?? ""))
        return limit
    }

    /// The closing message on stderr for a run that did not finish everything.
    static func report(_ end: RunEnd, code: Int32?, limit: TaskTimeLimit?, left: Int, resume: String) {
        switch end {
        case .completed:
            return
        case .stopped(let signal, let abandoned) where signal == StopSignal.deadlineSignal:
            printError("deadline: stopped at \(limit.map { stamp($0.lastFinish) } ?? "the deadline") "
                + "(\(abandoned) running task(s) interrupted, \(left) left in all); exit status \(code ?? 4)"
                + (code == 5 ? ": nothing finished in time, give the job more walltime" : ", resume with: \(resume)"))
        case .stopped(let signal, let abandoned):
            printError("stopped by signal \(signal) (\(abandoned) task(s) interrupted); resume with: \(resume)")
        case .deadlineReached(let deferred) where code == 5:
            printError("deadline: none of the \(deferred) ready task(s) (\(left) left in all) is predicted to end before "
                + "\(limit.map { stamp($0.lastFinish) } ?? "the deadline"); exit status 5: give the job more walltime")
        case .deadlineReached(let deferred):
            printError("deadline: \(deferred) task(s) deferred (predicted to end after "
                + "\(limit.map { stamp($0.lastFinish) } ?? "the deadline")), \(left) left in all; exit status 4, "
                + "resume with: \(resume)")
        }
    }

    static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone.current
        return f.string(from: date)
    }
}
