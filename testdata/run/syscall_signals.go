// run

// syscall's Signal values print gc's names, and a program survives SIGCHLD sent to
// itself (its default action is to be ignored).

package main

import (
	"fmt"
	"syscall"
)

func main() {
	for _, s := range []syscall.Signal{syscall.SIGCHLD, syscall.SIGTRAP, syscall.SIGSEGV,
		syscall.SIGWINCH, syscall.SIGURG, syscall.SIGSYS, syscall.Signal(40)} {
		fmt.Printf("%d %v\n", int(s), s)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGCHLD); err != nil {
		fmt.Println("kill:", err)
	}
	fmt.Println("survived SIGCHLD")
}
