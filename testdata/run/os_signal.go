// run

// os/signal over gojit's signal queue: Notify delivers signals to a channel
// instead of their default action (SIGINT does not kill), Stop and Reset give
// it back, Ignore and Ignored, and NotifyContext cancels a context on a signal.

package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 4)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGINT)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR1)
	fmt.Println("got:", <-c)
	syscall.Kill(syscall.Getpid(), syscall.SIGINT)
	fmt.Println("got:", <-c)

	signal.Stop(c)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR1) // not delivered, not fatal
	select {
	case s := <-c:
		fmt.Println("after Stop:", s)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("nothing after Stop")
	}

	fmt.Println("ignored before:", signal.Ignored(syscall.SIGUSR2))
	signal.Ignore(syscall.SIGUSR2)
	fmt.Println("ignored after:", signal.Ignored(syscall.SIGUSR2))
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR2)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("survived SIGUSR2")

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	fmt.Println("context:", ctx.Err(), context.Cause(ctx))

	both := make(chan os.Signal, 1)
	signal.Notify(both, syscall.SIGHUP)
	signal.Reset(syscall.SIGHUP)
	fmt.Println("reset done")
}
