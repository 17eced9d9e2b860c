// run
// gojit-timeout: 180

// Package net over the runtime's poller (runtime/netpoll.h): an echo server with
// ten concurrent clients, read deadlines (in the future, moved into the past),
// a close waking a blocked reader, EOF from the peer, and a 4 MB write that
// blocks until the reader drains it.

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func echoServer(ln net.Listener, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept stopped:", errors.Is(err, net.ErrClosed))
			return
		}
		go func() {
			defer c.Close()
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				fmt.Fprintf(c, "echo %s", strings.ToUpper(line))
			}
		}()
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go echoServer(ln, &wg)

	// Ten clients at once, each a few round trips.
	var mu sync.Mutex
	var got []string
	var cw sync.WaitGroup
	for i := 0; i < 10; i++ {
		cw.Add(1)
		go func() {
			defer cw.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				panic(err)
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := 0; j < 3; j++ {
				fmt.Fprintf(c, "client %d line %d\n", i, j)
				reply, err := r.ReadString('\n')
				if err != nil {
					panic(err)
				}
				mu.Lock()
				got = append(got, strings.TrimSpace(reply))
				mu.Unlock()
			}
		}()
	}
	cw.Wait()
	sort.Strings(got)
	fmt.Println(len(got), got[0], got[len(got)-1])

	// A read deadline: the read returns a timeout error, not a hang.
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	start := time.Now()
	_, err = c.Read(make([]byte, 10))
	var ne net.Error
	fmt.Println("deadline:", errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout(),
		time.Since(start) >= 50*time.Millisecond, time.Since(start) < 5*time.Second)
	// A deadline moved into the past wakes a blocked reader.
	c.SetReadDeadline(time.Time{})
	done := make(chan error)
	go func() {
		_, err := c.Read(make([]byte, 10))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	c.SetReadDeadline(time.Now().Add(-time.Second))
	fmt.Println("past deadline:", errors.Is(<-done, os.ErrDeadlineExceeded))
	// Closing a connection wakes its blocked reader.
	go func() {
		_, err := c.Read(make([]byte, 10))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	c.Close()
	fmt.Println("closed:", errors.Is(<-done, net.ErrClosed))

	// The peer closing: EOF.
	a, b := mustPair()
	b.Close()
	_, err = a.Read(make([]byte, 1))
	fmt.Println("peer closed:", err == io.EOF)
	a.Close()

	// Big writes block until the reader drains them.
	a, b = mustPair()
	payload := strings.Repeat("x", 4<<20)
	go func() {
		io.WriteString(b, payload)
		b.Close()
	}()
	n, err := io.Copy(io.Discard, a)
	fmt.Println("copied:", n, err)
	a.Close()

	ln.Close()
	wg.Wait()
}

// mustPair returns the two ends of a new TCP connection, made on a listener of
// its own so that neither end echoes.
func mustPair() (net.Conn, net.Conn) {
	l2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l2.Close()
	ch := make(chan net.Conn)
	go func() {
		s, err := l2.Accept()
		if err != nil {
			panic(err)
		}
		ch <- s
	}()
	a, err := net.Dial("tcp", l2.Addr().String())
	if err != nil {
		panic(err)
	}
	return a, <-ch
}
