// run

// Go's own package syscall over gojit's natives: raw system calls, errno values
// and their texts, the environment, signals' names.

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Println("pid agrees:", syscall.Getpid() == os.Getpid(), syscall.Getppid() > 0)
	fmt.Println("kill 0:", syscall.Kill(syscall.Getpid(), 0))

	_, err := syscall.Open("/nonexistent/file", syscall.O_RDONLY, 0)
	fmt.Println(err, err == syscall.ENOENT, err.(syscall.Errno).Timeout())

	fd, err := syscall.Open("/proc/self/stat", syscall.O_RDONLY, 0)
	fmt.Println("open:", err)
	buf := make([]byte, 64)
	n, err := syscall.Read(fd, buf)
	fmt.Println("read:", n > 0, err)
	fmt.Println("close:", syscall.Close(fd), "again:", syscall.Close(fd))

	syscall.Setenv("GOJIT_SYSCALL_TEST", "v1")
	v, ok := syscall.Getenv("GOJIT_SYSCALL_TEST")
	fmt.Println("env:", v, ok)
	syscall.Unsetenv("GOJIT_SYSCALL_TEST")
	_, ok = syscall.Getenv("GOJIT_SYSCALL_TEST")
	fmt.Println("after unset:", ok)

	var tv syscall.Timeval
	fmt.Println("gettimeofday:", syscall.Gettimeofday(&tv), tv.Sec > 1e9)
	var st syscall.Stat_t
	fmt.Println("stat /:", syscall.Stat("/", &st), st.Mode&syscall.S_IFMT == syscall.S_IFDIR)
	fmt.Println(syscall.SIGINT, syscall.SIGKILL, syscall.Signal(99), syscall.EACCES, syscall.Errno(0xffff))
	fmt.Println("page size:", syscall.Getpagesize())
}
