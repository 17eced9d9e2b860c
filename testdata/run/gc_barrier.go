// run

// Only the write barrier keeps these objects: while the collector marks, a
// goroutine moves each victim from a list node the marker has not reached yet
// (the list is long, and the moves go from its far end) into a package variable
// the marker scanned before the move, and cuts the node's pointer. Without the
// barrier (gojit: GODEBUG=gcbarrieroff=1) the victims are never marked, their
// memory is reused, and their checksums break.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type victim struct {
	id  uint64
	sum [7]uint64
}

type node struct {
	next   *node
	victim *victim
	pad    [6]uint64
}

const (
	listLen = 1 << 21
	victims = 1 << 14
	stride  = listLen / victims
)

// holder is scanned in the collector's first pause, before the moves.
var holder [victims]*victim

// addrs finds the nodes that hold victims without keeping them reachable:
// uintptrs are not pointers to the collector.
var addrs [victims]uintptr

func checksum(id uint64, i int) uint64 { return id*0x9E3779B97F4A7C15 + uint64(i)*0xBF58476D1CE4E5B9 }

func build() *node {
	var head *node
	for i := listLen - 1; i >= 0; i-- {
		n := &node{next: head}
		if i%stride == 0 {
			v := &victim{id: uint64(i)}
			for j := range v.sum {
				v.sum[j] = checksum(v.id, j)
			}
			n.victim = v
			addrs[i/stride] = uintptr(unsafe.Pointer(n))
		}
		head = n
	}
	return head
}

//go:noinline
func move(k int) {
	n := (*node)(unsafe.Pointer(addrs[k]))
	holder[k] = n.victim
	n.victim = nil
}

var list *node

func main() {
	list = build()
	start := make(chan bool)
	done := make(chan bool)
	go func() {
		<-start
		// From the far end of the list, which the marker reaches last.
		for k := victims - 1; k >= 0; k-- {
			move(k)
			if k%64 == 0 {
				runtime.Gosched()
			}
		}
		done <- true
	}()
	close(start)
	runtime.GC()
	<-done
	runtime.GC()
	// Reuse freed memory of the victims' size.
	var churn []*victim
	for i := 0; i < 4*victims; i++ {
		v := &victim{id: ^uint64(0)}
		for j := range v.sum {
			v.sum[j] = ^uint64(j)
		}
		churn = append(churn, v)
	}
	lost := 0
	for k, v := range holder {
		if v == nil || v.id != uint64(k*stride) {
			lost++
			continue
		}
		for j := range v.sum {
			if v.sum[j] != checksum(v.id, j) {
				lost++
				break
			}
		}
	}
	fmt.Println("victims lost:", lost)
	runtime.KeepAlive(churn)
	runtime.KeepAlive(list)
}
