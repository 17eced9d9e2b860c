// run

// Deferred and go'd calls of methods promoted from an interface embedded in a
// struct (database/sql's `defer ds.Unlock()` through a sync.Locker field): the
// field's value is taken when the statement runs, the method called later.

package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	sync.Locker
	n int
}

func (g *guarded) add(k int) {
	g.Lock()
	defer g.Unlock()
	g.n += k
}

type logger interface{ Log(string) }

type printer struct{ prefix string }

func (p printer) Log(s string) { fmt.Println(p.prefix + s) }

type service struct {
	logger
	name string
}

func main() {
	g := &guarded{Locker: &sync.Mutex{}}
	var wg sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.add(i)
		}()
	}
	wg.Wait()
	fmt.Println("sum", g.n)

	s := service{logger: printer{"a: "}, name: "svc"}
	func() {
		defer s.Log("deferred, with the field's value at defer time")
		s.logger = printer{"b: "}
		s.Log("direct, after reassigning the field")
	}()

	done := make(chan bool)
	s2 := service{logger: printer{"go: "}}
	go func() {
		defer close(done)
		s2.Log("from a goroutine")
	}()
	<-done

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var empty service
		defer empty.Log("never")
		fmt.Println("not reached")
	}()
}
