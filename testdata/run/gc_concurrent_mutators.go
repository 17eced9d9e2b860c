// run

// Mutators race the concurrent marker: goroutines keep rewiring checksummed
// structures (moving subtrees between nodes, swapping slice elements, inserting
// into and deleting from maps, passing pointers through buffered channels,
// exchanging atomic pointers, copying slices of pointers) while another goroutine
// calls runtime.GC in a loop. Every object is checked at the end; a pointer the
// marker missed shows as a freed, reused object with a wrong checksum.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type obj struct {
	id   int
	sum  int
	kids [2]*obj
	name string
}

func newObj(id int) *obj {
	return &obj{id: id, sum: id * 7919, name: fmt.Sprint("o", id)}
}

func (o *obj) ok() bool {
	return o != nil && o.sum == o.id*7919 && o.name == fmt.Sprint("o", o.id)
}

// count checks every object reachable from o and returns how many there are.
func count(o *obj, bad *int) int {
	if o == nil {
		return 0
	}
	if !o.ok() {
		*bad++
		return 1
	}
	return 1 + count(o.kids[0], bad) + count(o.kids[1], bad)
}

var garbage *obj

func mutator(seed int, rounds int, out chan<- int) {
	const n = 256
	roots := make([]*obj, n)
	for i := range roots {
		roots[i] = newObj(seed*100000 + i)
		roots[i].kids[0] = newObj(seed*100000 + n + i)
	}
	m := map[int]*obj{}
	ch := make(chan *obj, 64)
	var ap atomic.Pointer[obj]
	ap.Store(newObj(seed*100000 + 2*n))
	total := 2*n + 1
	r := uint32(seed*2654435761 + 1)
	next := func() int {
		r ^= r << 13
		r ^= r >> 17
		r ^= r << 5
		return int(r % n)
	}
	for round := 0; round < rounds; round++ {
		a, b := next(), next()
		switch round % 6 {
		case 0: // move a subtree from one node to another: the only path is cut
			if roots[a].kids[0] != nil && roots[b].kids[1] == nil {
				roots[b].kids[1], roots[a].kids[0] = roots[a].kids[0], nil
			}
		case 1: // swap slice elements
			roots[a], roots[b] = roots[b], roots[a]
		case 2: // into a map and back out
			if o := roots[a].kids[1]; o != nil {
				m[o.id] = o
				roots[a].kids[1] = nil
			}
			for k, o := range m {
				if roots[b].kids[0] == nil {
					roots[b].kids[0] = o
					delete(m, k)
				}
				break
			}
		case 3: // through a channel's buffer
			if o := roots[a].kids[0]; o != nil && len(ch) < cap(ch) {
				ch <- o
				roots[a].kids[0] = nil
			}
			if len(ch) > 32 && roots[b].kids[0] == nil {
				roots[b].kids[0] = <-ch
			}
		case 4: // an atomic exchange
			if o := roots[a].kids[1]; o != nil {
				roots[a].kids[1] = ap.Swap(o)
			}
		case 5: // copy a window of the slice over another and restore it
			tmp := make([]*obj, 8)
			i := a % (n - 8)
			copy(tmp, roots[i:i+8])
			j := b % (n - 8)
			saved := make([]*obj, 8)
			copy(saved, roots[j:j+8])
			copy(roots[j:j+8], tmp)
			copy(roots[j:j+8], saved)
		}
		if round%500 == 0 {
			runtime.Gosched()
		}
		if round%16 == 0 {
			garbage = newObj(-1) // allocation while marking: born marked
		}
	}
	bad := 0
	found := 0
	for _, o := range roots {
		found += count(o, &bad)
	}
	for _, o := range m {
		found += count(o, &bad)
	}
	close(ch)
	for o := range ch {
		found += count(o, &bad)
	}
	found += count(ap.Load(), &bad)
	if bad != 0 || found != total {
		fmt.Println("mutator", seed, "lost objects:", total-found, "corrupt:", bad)
	}
	out <- found
}

// ballast makes each mark take a while, so the mutators' moves land in it.
var ballast []*obj

func main() {
	for i := 0; i < 100000; i++ {
		ballast = append(ballast, &obj{id: -i})
	}
	const mutators = 4
	out := make(chan int)
	stop := make(chan bool)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	for i := 0; i < mutators; i++ {
		go mutator(i+1, 150000, out)
	}
	total := 0
	for i := 0; i < mutators; i++ {
		total += <-out
	}
	close(stop)
	wg.Wait()
	fmt.Println("objects checked:", total)
}
