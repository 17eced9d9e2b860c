// run

// Go 1.23's timer channels: no value from before Stop or Reset is ever received,
// len and cap of a Timer's or Ticker's channel are 0, and Stop reports a value it
// drained as a stopped timer.

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	fmt.Println("len, cap:", len(t.C), cap(t.C))
	time.Sleep(20 * time.Millisecond) // expired, nobody received
	fmt.Println("Stop after expiry, value unreceived:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value after Stop")
	default:
		fmt.Println("nothing after Stop")
	}

	t.Reset(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("Reset of an expired timer:", t.Reset(time.Hour))
	select {
	case <-t.C:
		fmt.Println("stale value after Reset")
	default:
		fmt.Println("nothing after Reset")
	}
	fmt.Println("Stop of a pending timer:", t.Stop(), "again:", t.Stop())

	t.Reset(time.Millisecond)
	start := time.Now()
	v := <-t.C
	fmt.Println("received after Reset:", !v.Before(start.Add(-time.Second)))

	tk := time.NewTicker(time.Millisecond)
	fmt.Println("ticker len, cap:", len(tk.C), cap(tk.C))
	<-tk.C
	<-tk.C
	tk.Stop()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	default:
		fmt.Println("no tick after Stop")
	}
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	fmt.Println("tick after Reset")
	tk.Stop()

	done := make(chan string)
	f := time.AfterFunc(time.Hour, func() { done <- "hour" })
	fmt.Println("AfterFunc Stop:", f.Stop())
	f.Reset(time.Millisecond)
	fmt.Println("AfterFunc after Reset:", <-done)

	var zero time.Timer
	defer func() { fmt.Println("recovered:", recover()) }()
	zero.Stop()
}
