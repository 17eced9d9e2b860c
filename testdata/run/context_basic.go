// run

// context: Background/TODO, WithCancel propagation, Err values, String forms, values, deadlines, panics.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type key string
type otherKey int

type myCtx struct{ context.Context }

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO())
	fmt.Println(bg.Err(), bg.Done() == nil)
	_, ok := bg.Deadline()
	fmt.Println("bg deadline:", ok)

	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx)
	fmt.Println("before:", ctx.Err())
	cancel()
	<-ctx.Done()
	fmt.Println("after:", ctx.Err(), ctx.Err() == context.Canceled)
	cancel()
	fmt.Println(context.Canceled.Error(), context.DeadlineExceeded.Error())

	// Parent cancel propagates to children, not the other way.
	parent, pcancel := context.WithCancel(bg)
	child1, c1cancel := context.WithCancel(parent)
	child2, c2cancel := context.WithCancel(parent)
	grandchild, gcancel := context.WithCancel(child1)
	c2cancel()
	fmt.Println("child2:", child2.Err(), "parent:", parent.Err(), "child1:", child1.Err())
	pcancel()
	fmt.Println("child1:", child1.Err(), "grandchild:", grandchild.Err())
	c1cancel()
	gcancel()

	// Values.
	v1 := context.WithValue(bg, key("user"), "gopher")
	v2 := context.WithValue(v1, otherKey(7), 42)
	v3, v3cancel := context.WithCancel(v2)
	defer v3cancel()
	fmt.Println(v3.Value(key("user")), v3.Value(otherKey(7)), v3.Value(key("none")), v3.Value(otherKey(8)))
	fmt.Println(v2)
	fmt.Println(v3)
	fmt.Println(context.WithValue(bg, key("k"), otherKey(3)))

	// Deadlines.
	d := time.Now().Add(time.Hour)
	dctx, dcancel := context.WithDeadline(bg, d)
	got, ok := dctx.Deadline()
	fmt.Println("deadline:", got.Equal(d), ok, dctx.Err())
	dcancel()
	fmt.Println("deadline canceled:", dctx.Err())

	tctx, tcancel := context.WithTimeout(bg, 20*time.Millisecond)
	defer tcancel()
	start := time.Now()
	<-tctx.Done()
	fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded), time.Since(start) >= 20*time.Millisecond)
	var te interface{ Timeout() bool }
	fmt.Println("Timeout():", errors.As(tctx.Err(), &te) && te.Timeout())

	past, pc := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println("past:", past.Err())
	pc()

	// A child's later deadline is capped by its parent's.
	outer, oc := context.WithTimeout(bg, time.Hour)
	inner, ic := context.WithTimeout(outer, 2*time.Hour)
	od, _ := outer.Deadline()
	id, _ := inner.Deadline()
	fmt.Println("inner capped:", od.Equal(id))
	oc()
	fmt.Println("inner after outer cancel:", inner.Err())
	ic()

	// Goroutines waiting on Done.
	wctx, wcancel := context.WithCancel(bg)
	var wg sync.WaitGroup
	results := make([]error, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-wctx.Done()
			results[i] = wctx.Err()
		}(i)
	}
	time.Sleep(5 * time.Millisecond)
	wcancel()
	wg.Wait()
	fmt.Println(results)

	// A custom Context as parent.
	mc := myCtx{bg}
	cc, ccancel := context.WithCancel(mc)
	fmt.Println(cc)
	ccancel()
	fmt.Println(cc.Err())
	mp, mpc := context.WithCancel(context.Background())
	cc2, cc2cancel := context.WithCancel(myCtx{mp})
	mpc()
	<-cc2.Done()
	fmt.Println("custom parent propagated:", cc2.Err())
	cc2cancel()

	// Panics.
	for _, f := range []func(){
		func() { context.WithValue(bg, nil, 1) },
		func() { context.WithValue(bg, []int{1}, 1) },
		func() { context.WithCancel(nil) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
