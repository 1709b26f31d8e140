/// A PBS Pro batch script (`qsub`) for a campaign.
///
/// PBS does not tell a job when it ends: the script sets INTERSCREEN_DEADLINE from its walltime
/// at start. A chained array element resubmits itself alone (a copy without `#PBS -J`).
struct PBSScript {
    let request: BatchRequest

    var directives: [String] {
        let r = request
        var d = [
            "-N \(r.jobName)",
            "-l select=\(r.nodes):ncpus=\(r.ranksPerNode * r.threadsPerRank):mpiprocs=\(r.ranksPerNode)"
                + ":ompthreads=\(r.threadsPerRank)",
            "-l walltime=\(r.walltime)",
            "-j oe",
            "-o \(r.workdir)/",
        ]
        if let p = r.partition { d.append("-q \(p)") }
        if let a = r.account { d.append("-A \(a)") }
        if let k = r.arrayShards { d.append("-J 1-\(k)") }
        return d.map { "#PBS \($0)" }
    }

    var text: String {
        let r = request
        let resubmit: [String] = r.arrayShards == nil
            ? ["qsub -v INTERSCREEN_CHAIN_LINK=$NEXT \"$SCRIPT\""]
            : ["grep -v '^#PBS -J' \"$SCRIPT\" > \"$SCRIPT.shard$SHARD\"",
               "qsub -v INTERSCREEN_CHAIN_LINK=$NEXT,INTERSCREEN_SHARD=$SHARD \"$SCRIPT.shard$SHARD\""]
        let body = BatchScriptBody(
            request: r,
            slotsExpression: "$( [ -r \"${PBS_NODEFILE:-}\" ] && wc -l < \"$PBS_NODEFILE\" || echo \(r.nodes * r.ranksPerNode) )",
            shardIndexExpression: "${INTERSCREEN_SHARD:-${PBS_ARRAY_INDEX:?not an array job}}",
            resubmit: resubmit,
            beforeRun: ["# PBS does not tell the job its end: the walltime from now.",
                        "export INTERSCREEN_DEADLINE=$(( $(date +%s) + \(r.walltime.seconds) ))"])
        return (["#!/bin/bash"] + directives + body.lines).joined(separator: "\n") + "\n"
    }
}
