package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

// Goroutines, timers and select: the order of the lines depends on the
// schedule, and under --sched on the seed alone.
func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j) * time.Millisecond)
		results <- fmt.Sprintf("worker %d did job %d", id, j)
	}
}

func main() {
	start := time.Now()
	jobs := make(chan int)
	results := make(chan string, 16)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, jobs, results, &wg)
	}
	go func() {
		for j := 1; j <= 6; j++ {
			jobs <- j * 10
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(time.Second)
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	for k := range m {
		fmt.Print(k)
	}
	fmt.Println(" rand:", rand.Intn(1000))
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println("done after", time.Since(start).Round(time.Millisecond))
				return
			}
			fmt.Println(r)
		case <-tick.C:
			fmt.Println("tick at", time.Since(start).Round(time.Millisecond))
		case <-timeout:
			fmt.Println("timeout")
			return
		}
	}
}
