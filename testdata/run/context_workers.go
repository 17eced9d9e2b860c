// run

// context: a pipeline of goroutines stopped by cancellation and by a timeout; each
// stage selects on ctx.Done() and its input.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func gen(ctx context.Context, out chan<- int) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-ctx.Done():
			return
		}
	}
}

func square(ctx context.Context, in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		select {
		case out <- v * v:
		case <-ctx.Done():
			return
		}
	}
}

type traceKey struct{}

func handle(ctx context.Context, id int, wg *sync.WaitGroup, log chan<- string) {
	defer wg.Done()
	trace := ctx.Value(traceKey{}).(string)
	select {
	case <-time.After(10 * time.Second):
		log <- fmt.Sprintf("%s/%d finished", trace, id)
	case <-ctx.Done():
		log <- fmt.Sprintf("%s/%d stopped: %v", trace, id, ctx.Err())
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	a := make(chan int)
	b := make(chan int)
	go gen(ctx, a)
	go square(ctx, a, b)
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-b
	}
	cancel()
	for range b {
	}
	fmt.Println("sum of first 10 squares:", sum, ctx.Err())

	// Handlers under a request context with a timeout; the log is sorted by id.
	root := context.WithValue(context.Background(), traceKey{}, "req")
	tctx, tcancel := context.WithTimeout(root, 30*time.Millisecond)
	defer tcancel()
	var wg sync.WaitGroup
	log := make(chan string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		sub, subcancel := context.WithCancel(tctx)
		if i == 2 {
			subcancel() // canceled before it starts
		} else {
			defer subcancel()
		}
		go handle(sub, i, &wg, log)
	}
	wg.Wait()
	close(log)
	lines := map[string]bool{}
	for l := range log {
		lines[l] = true
	}
	for i := 0; i < 4; i++ {
		for _, e := range []string{"context canceled", "context deadline exceeded"} {
			l := fmt.Sprintf("req/%d stopped: %s", i, e)
			if lines[l] {
				fmt.Println(l)
			}
		}
	}
	fmt.Println("timeout ctx:", tctx.Err())

	// Done is the same channel every time, and closed exactly once.
	c2, cancel2 := context.WithCancel(context.Background())
	d1, d2 := c2.Done(), c2.Done()
	var cwg sync.WaitGroup
	for i := 0; i < 8; i++ {
		cwg.Add(1)
		go func() { defer cwg.Done(); cancel2() }()
	}
	cwg.Wait()
	_, open := <-d1
	fmt.Println("same Done:", d1 == d2, "open:", open, c2.Err())
}
