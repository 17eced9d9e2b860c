package runtime

// The runtime's half of package runtime/metrics: metrics.Read calls
// runtime_readMetrics with its samples, and readMetrics fills each sample whose
// name it knows, by the definitions runtime/metrics documents (description.go),
// from the figures the runtime keeps (runtimeFigures, a native over runtime/).
// A name it does not know reads as KindBad, as in gc.
//
// The metrics gojit's runtime does not track read zero: the sizes of allocations
// and frees (the by-size histograms' counts), scheduling latencies, mutex wait
// time, tiny allocations, pauses other than the collector's, mark assists and
// idle mark work (the mark runs inside the pause), and the non-default GODEBUG
// counters. The scan sizes count the live heap and the goroutine stacks, and no
// package variables.

import "unsafe"

// The layouts of runtime/metrics' Sample, Value and Float64Histogram.
type metricSample struct {
	name  string
	value metricValue
}

type metricKind int

const (
	metricKindBad metricKind = iota
	metricKindUint64
	metricKindFloat64
	metricKindFloat64Histogram
)

type metricValue struct {
	kind    metricKind
	scalar  uint64
	pointer unsafe.Pointer
}

type metricFloat64Histogram struct {
	counts  []uint64
	buckets []float64
}

// timeHistogramCounts is runtime/mgc.h's kTimeHistogramCounts.
const timeHistogramCounts = 122

// runtimeFigures mirrors stdlib/runtime_natives.cc's RuntimeFigures.
type runtimeFigures struct {
	gcPercent          int64
	memoryLimit        int64
	heapMarked         uint64
	uptimeNs           int64 // since the program started
	processCPUNs       int64 // CPU time of every thread of the process
	finalizersQueued   uint64
	finalizersExecuted uint64
	cleanupsQueued     uint64
	cleanupsExecuted   uint64
	goroutinesCreated  uint64
	goroutinesRunnable uint64
	goroutinesRunning  uint64
	goroutinesWaiting  uint64
	goroutinesSyscall  uint64
	threads            uint64
	stackStartBytes    uint64
	gcPauses           [timeHistogramCounts]uint64
	gcStopping         [timeHistogramCounts]uint64
	timeBounds         [timeHistogramCounts + 1]float64 // seconds; the last is +Inf
	sizeBounds         [sizeClasses + 1]float64         // bytes, by size class; the last is +Inf
}

// sizeClasses is runtime/mheap.h's kNumSizeClasses.
const sizeClasses = 68

func readRuntimeFigures(f *runtimeFigures)

//go:linkname readMetrics runtime/metrics.runtime_readMetrics
func readMetrics(samplesp unsafe.Pointer, n int, capacity int) {
	samples := unsafe.Slice((*metricSample)(samplesp), n)
	var ms MemStats
	var f runtimeFigures
	ReadMemStats(&ms)
	readRuntimeFigures(&f)
	for i := range samples {
		readMetric(&samples[i], &ms, &f)
	}
}

func (v *metricValue) setUint64(x uint64) {
	v.kind = metricKindUint64
	v.scalar = x
}

func (v *metricValue) setFloat64(x float64) {
	v.kind = metricKindFloat64
	v.scalar = *(*uint64)(unsafe.Pointer(&x))
}

// setHistogram stores counts under bounds, reusing the Float64Histogram the
// sample holds when its shape fits, as gc does.
func (v *metricValue) setHistogram(counts []uint64, bounds []float64) {
	h := (*metricFloat64Histogram)(v.pointer)
	if v.kind != metricKindFloat64Histogram || h == nil || len(h.counts) != len(counts) || len(h.buckets) != len(bounds) {
		h = &metricFloat64Histogram{counts: make([]uint64, len(counts)), buckets: make([]float64, len(bounds))}
	}
	copy(h.counts, counts)
	copy(h.buckets, bounds)
	v.kind = metricKindFloat64Histogram
	v.pointer = unsafe.Pointer(h)
}

func readMetric(s *metricSample, ms *MemStats, f *runtimeFigures) {
	v := &s.value
	gomaxprocs := uint64(GOMAXPROCS(0))
	// CPU time: the collector's is its pauses times GOMAXPROCS (every P stops);
	// the total is GOMAXPROCS integrated over the run; user code had the
	// process's CPU time outside the pauses; the rest was idle.
	gcCPU := float64(ms.PauseTotalNs) * float64(gomaxprocs) / 1e9
	totalCPU := float64(f.uptimeNs) * float64(gomaxprocs) / 1e9
	userCPU := max(float64(f.processCPUNs)/1e9-float64(ms.PauseTotalNs)/1e9, 0)
	switch s.name {
	case "/cgo/go-to-c-calls:calls":
		v.setUint64(0) // gojit has no cgo
	case "/cpu/classes/gc/mark/assist:cpu-seconds", "/cpu/classes/gc/mark/dedicated:cpu-seconds",
		"/cpu/classes/gc/mark/idle:cpu-seconds", "/cpu/classes/scavenge/assist:cpu-seconds",
		"/cpu/classes/scavenge/background:cpu-seconds", "/cpu/classes/scavenge/total:cpu-seconds":
		v.setFloat64(0)
	case "/cpu/classes/gc/pause:cpu-seconds", "/cpu/classes/gc/total:cpu-seconds":
		v.setFloat64(gcCPU)
	case "/cpu/classes/idle:cpu-seconds":
		v.setFloat64(max(totalCPU-gcCPU-userCPU, 0))
	case "/cpu/classes/total:cpu-seconds":
		v.setFloat64(totalCPU)
	case "/cpu/classes/user:cpu-seconds":
		v.setFloat64(userCPU)
	case "/gc/cleanups/executed:cleanups":
		v.setUint64(f.cleanupsExecuted)
	case "/gc/cleanups/queued:cleanups":
		v.setUint64(f.cleanupsQueued)
	case "/gc/cycles/automatic:gc-cycles":
		v.setUint64(uint64(ms.NumGC - ms.NumForcedGC))
	case "/gc/cycles/forced:gc-cycles":
		v.setUint64(uint64(ms.NumForcedGC))
	case "/gc/cycles/total:gc-cycles":
		v.setUint64(uint64(ms.NumGC))
	case "/gc/finalizers/executed:finalizers":
		v.setUint64(f.finalizersExecuted)
	case "/gc/finalizers/queued:finalizers":
		v.setUint64(f.finalizersQueued)
	case "/gc/gogc:percent":
		v.setUint64(uint64(f.gcPercent))
	case "/gc/gomemlimit:bytes":
		v.setUint64(uint64(f.memoryLimit))
	case "/gc/heap/allocs-by-size:bytes", "/gc/heap/frees-by-size:bytes":
		v.setHistogram(make([]uint64, sizeClasses), f.sizeBounds[:])
	case "/gc/heap/allocs:bytes":
		v.setUint64(ms.TotalAlloc)
	case "/gc/heap/allocs:objects":
		v.setUint64(ms.Mallocs)
	case "/gc/heap/frees:bytes":
		v.setUint64(ms.TotalAlloc - ms.HeapAlloc)
	case "/gc/heap/frees:objects":
		v.setUint64(ms.Frees)
	case "/gc/heap/goal:bytes":
		v.setUint64(ms.NextGC)
	case "/gc/heap/live:bytes":
		v.setUint64(f.heapMarked)
	case "/gc/heap/objects:objects":
		v.setUint64(ms.HeapObjects)
	case "/gc/heap/tiny/allocs:objects", "/gc/limiter/last-enabled:gc-cycle", "/gc/scan/globals:bytes",
		"/memory/classes/profiling/buckets:bytes":
		v.setUint64(0)
	case "/gc/pauses:seconds", "/sched/pauses/total/gc:seconds":
		v.setHistogram(f.gcPauses[:], f.timeBounds[:])
	case "/sched/pauses/stopping/gc:seconds":
		v.setHistogram(f.gcStopping[:], f.timeBounds[:])
	case "/sched/latencies:seconds", "/sched/pauses/stopping/other:seconds", "/sched/pauses/total/other:seconds":
		v.setHistogram(make([]uint64, timeHistogramCounts), f.timeBounds[:])
	case "/gc/scan/heap:bytes":
		v.setUint64(f.heapMarked)
	case "/gc/scan/stack:bytes":
		v.setUint64(ms.StackInuse)
	case "/gc/scan/total:bytes":
		v.setUint64(f.heapMarked + ms.StackInuse)
	case "/gc/stack/starting-size:bytes":
		v.setUint64(f.stackStartBytes)
	case "/memory/classes/heap/free:bytes":
		v.setUint64(ms.HeapIdle - ms.HeapReleased)
	case "/memory/classes/heap/objects:bytes":
		v.setUint64(ms.HeapAlloc)
	case "/memory/classes/heap/released:bytes":
		v.setUint64(ms.HeapReleased)
	case "/memory/classes/heap/stacks:bytes":
		v.setUint64(ms.StackInuse)
	case "/memory/classes/heap/unused:bytes":
		v.setUint64(ms.HeapInuse - ms.HeapAlloc)
	case "/memory/classes/metadata/mcache/free:bytes":
		v.setUint64(ms.MCacheSys - ms.MCacheInuse)
	case "/memory/classes/metadata/mcache/inuse:bytes":
		v.setUint64(ms.MCacheInuse)
	case "/memory/classes/metadata/mspan/free:bytes":
		v.setUint64(ms.MSpanSys - ms.MSpanInuse)
	case "/memory/classes/metadata/mspan/inuse:bytes":
		v.setUint64(ms.MSpanInuse)
	case "/memory/classes/metadata/other:bytes":
		v.setUint64(ms.GCSys)
	case "/memory/classes/os-stacks:bytes":
		v.setUint64(ms.StackSys - ms.StackInuse)
	case "/memory/classes/other:bytes":
		v.setUint64(ms.OtherSys)
	case "/memory/classes/total:bytes":
		v.setUint64(ms.Sys)
	case "/sched/gomaxprocs:threads":
		v.setUint64(gomaxprocs)
	case "/sched/goroutines-created:goroutines":
		v.setUint64(f.goroutinesCreated)
	case "/sched/goroutines/not-in-go:goroutines":
		v.setUint64(f.goroutinesSyscall)
	case "/sched/goroutines/runnable:goroutines":
		v.setUint64(f.goroutinesRunnable)
	case "/sched/goroutines/running:goroutines":
		v.setUint64(f.goroutinesRunning)
	case "/sched/goroutines/waiting:goroutines":
		v.setUint64(f.goroutinesWaiting)
	case "/sched/goroutines:goroutines":
		v.setUint64(f.goroutinesRunnable + f.goroutinesRunning + f.goroutinesWaiting + f.goroutinesSyscall)
	case "/sched/threads/total:threads":
		v.setUint64(f.threads)
	case "/sync/mutex/wait/total:seconds":
		v.setFloat64(0)
	default:
		if hasPrefix(s.name, "/godebug/non-default-behavior/") && hasSuffix(s.name, ":events") {
			v.setUint64(0)
			return
		}
		v.kind = metricKindBad
		v.scalar = 0
		v.pointer = nil
	}
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
