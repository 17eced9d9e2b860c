// run

// runtime/metrics: every metric All describes reads with its described kind, and
// the collector's figures agree with what the program did.
package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"time"
)

type node struct {
	next *node
	buf  [64]byte
}

var sink *node

func churn(n int) {
	for i := 0; i < n; i++ {
		sink = &node{next: sink}
		if i%1000 == 0 {
			sink = nil
		}
	}
}

var finalized = make(chan bool, 1)

//go:noinline
func finalizable() {
	p := new(node)
	runtime.SetFinalizer(p, func(*node) { finalized <- true })
}

func main() {
	descs := metrics.All()
	samples := make([]metrics.Sample, len(descs)+1)
	for i, d := range descs {
		samples[i].Name = d.Name
	}
	samples[len(descs)].Name = "/no/such/metric:units"

	churn(200000)
	finalizable()
	runtime.GC()
	runtime.GC()
	select {
	case <-finalized:
	case <-time.After(5 * time.Second):
		fmt.Println("finalizer did not run")
	}
	metrics.Read(samples)

	bad := 0
	for i, d := range descs {
		if samples[i].Value.Kind() != d.Kind {
			fmt.Println("wrong kind:", d.Name, samples[i].Value.Kind(), "want", d.Kind)
			bad++
		}
	}
	fmt.Println("kinds as described:", bad == 0)
	fmt.Println("unknown name is KindBad:", samples[len(descs)].Value.Kind() == metrics.KindBad)

	get := func(name string) metrics.Value {
		for _, s := range samples {
			if s.Name == name {
				return s.Value
			}
		}
		panic("no metric " + name)
	}
	fmt.Println("forced cycles >= 2:", get("/gc/cycles/forced:gc-cycles").Uint64() >= 2)
	fmt.Println("total = automatic + forced:", get("/gc/cycles/total:gc-cycles").Uint64() ==
		get("/gc/cycles/automatic:gc-cycles").Uint64()+get("/gc/cycles/forced:gc-cycles").Uint64())
	fmt.Println("allocated >= 200000 objects:", get("/gc/heap/allocs:objects").Uint64() >= 200000)
	fmt.Println("allocated >= 8 MB:", get("/gc/heap/allocs:bytes").Uint64() >= 8<<20)
	fmt.Println("goal above live:", get("/gc/heap/goal:bytes").Uint64() > get("/gc/heap/live:bytes").Uint64())
	fmt.Println("gogc 100:", get("/gc/gogc:percent").Uint64() == 100)
	fmt.Println("gomaxprocs:", get("/sched/gomaxprocs:threads").Uint64() == uint64(runtime.GOMAXPROCS(0)))
	fmt.Println("goroutines, the runtime's included:", get("/sched/goroutines:goroutines").Uint64() >= uint64(runtime.NumGoroutine()))
	fmt.Println("finalizers queued and run:", get("/gc/finalizers/queued:finalizers").Uint64() >= 1,
		get("/gc/finalizers/executed:finalizers").Uint64() >= 1)
	fmt.Println("threads:", get("/sched/threads/total:threads").Uint64() >= 1)
	fmt.Println("cpu total >= user:", get("/cpu/classes/total:cpu-seconds").Float64() >=
		get("/cpu/classes/user:cpu-seconds").Float64())

	h := get("/sched/pauses/total/gc:seconds").Float64Histogram()
	var pauses uint64
	for _, c := range h.Counts {
		pauses += c
	}
	increasing := true
	for i := 1; i < len(h.Buckets); i++ {
		if !(h.Buckets[i] > h.Buckets[i-1]) {
			increasing = false
		}
	}
	// gc pauses twice a cycle (to start it and to end it), gojit once.
	fmt.Println("a pause per cycle at least:", pauses >= get("/gc/cycles/total:gc-cycles").Uint64())
	fmt.Println("buckets:", len(h.Buckets) == len(h.Counts)+1, increasing)

	// Read again into the same samples: the histogram is refreshed in place.
	runtime.GC()
	metrics.Read(samples)
	h2 := get("/sched/pauses/total/gc:seconds").Float64Histogram()
	var pauses2 uint64
	for _, c := range h2.Counts {
		pauses2 += c
	}
	fmt.Println("more pauses:", pauses2 > pauses)
}
