// bench: select over 4 channels: four producers each send on their own buffered
// channel; main receives with a 4-case select until all four are closed.
// quick: 1000
// variant: sched --sched=seed:1

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 1000000 // size: values per producer (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func produce(c chan<- int, base, n int) {
	for i := 0; i < n; i++ {
		c <- base + i
	}
	close(c)
}

func main() {
	n := size(defaultN)
	a, b, c, d := make(chan int, 16), make(chan int, 16), make(chan int, 16), make(chan int, 16)
	go produce(a, 0, n)
	go produce(b, 1, n)
	go produce(c, 2, n)
	go produce(d, 3, n)
	var sum, count int
	var perChan [4]int
	for a != nil || b != nil || c != nil || d != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
			perChan[0]++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
			perChan[1]++
		case v, ok := <-c:
			if !ok {
				c = nil
				continue
			}
			sum += v
			perChan[2]++
		case v, ok := <-d:
			if !ok {
				d = nil
				continue
			}
			sum += v
			perChan[3]++
		}
		count++
	}
	fmt.Println("received:", count, "sum", sum, "per channel", perChan)
}
