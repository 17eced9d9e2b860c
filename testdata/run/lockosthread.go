// run

// runtime.LockOSThread wires a goroutine to its thread through blocking and
// yielding; other goroutines keep running meanwhile; a goroutine that exits while
// locked takes its thread with it (a new thread serves the rest).
package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(2)
	done := make(chan bool, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		tid := syscall.Gettid()
		same := true
		for i := 0; i < 50; i++ {
			runtime.Gosched()
			time.Sleep(100 * time.Microsecond)
			if syscall.Gettid() != tid {
				same = false
			}
		}
		done <- same
	}()
	// Meanwhile other goroutines make progress.
	ch := make(chan int)
	for i := 0; i < 4; i++ {
		go func(i int) {
			time.Sleep(time.Millisecond)
			ch <- i
		}(i)
	}
	s := 0
	for i := 0; i < 4; i++ {
		s += <-ch
	}
	fmt.Println("others finished:", s)
	fmt.Println("locked goroutine stayed on its thread:", <-done)

	// Exiting while locked ends the thread; its id is not seen again.
	tids := make(chan int)
	go func() {
		runtime.LockOSThread()
		tids <- syscall.Gettid()
	}()
	dead := <-tids
	time.Sleep(10 * time.Millisecond)
	reused := false
	for i := 0; i < 20; i++ {
		go func() { tids <- syscall.Gettid() }()
		if <-tids == dead {
			reused = true
		}
	}
	fmt.Println("thread of the locked goroutine reused:", reused)

	// Nested locks need as many unlocks.
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	tid := syscall.Gettid()
	time.Sleep(time.Millisecond)
	fmt.Println("still locked after one of two unlocks:", syscall.Gettid() == tid)
	runtime.UnlockOSThread()
}
