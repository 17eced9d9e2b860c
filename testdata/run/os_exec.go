// run
// gojit-timeout: 90

// os/exec over gojit's fork (syscall's forkExec with an ordinary fork where gc
// makes a vfork): output, stdin, stderr and exit codes, a missing program, an
// empty environment, a working directory, a pipe read line by line, twenty
// commands started at once from as many goroutines (syscall's ForkLock),
// CommandContext killing a child at its deadline, Process.Kill, and the signal
// dispositions a child starts with.

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	out, err := exec.Command("echo", "hello", "world").Output()
	fmt.Printf("%q %v\n", out, err)

	cmd := exec.Command("sh", "-c", "cat; echo to-stderr >&2; exit 3")
	cmd.Stdin = strings.NewReader("from stdin\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	fmt.Printf("%q %q %v\n", stdout.String(), stderr.String(), err)
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		fmt.Println("exit code", exitErr.ExitCode(), cmd.ProcessState.Success())
	}

	_, err = exec.Command("/nonexistent/program").Output()
	fmt.Println(err)
	_, err = exec.LookPath("no-such-command-anywhere")
	fmt.Println(err)

	env := exec.Command("env")
	env.Env = []string{"A=1", "B=two"}
	out, _ = env.Output()
	fmt.Print(string(out))

	pwd := exec.Command("pwd")
	pwd.Dir = "/"
	out, _ = pwd.CombinedOutput()
	fmt.Print(string(out))

	seq := exec.Command("seq", "1", "100")
	r, _ := seq.StdoutPipe()
	seq.Start()
	sum, lines := 0, 0
	for sc := bufio.NewScanner(r); sc.Scan(); lines++ {
		var n int
		fmt.Sscan(sc.Text(), &n)
		sum += n
	}
	fmt.Println("lines", lines, "sum", sum, seq.Wait())

	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := exec.Command("sh", "-c", fmt.Sprintf("echo job %02d", i)).Output()
			mu.Lock()
			got = append(got, fmt.Sprintf("%s:%v", strings.TrimSpace(string(out)), err))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(got)
	fmt.Println(len(got), got[0], got[19])

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = exec.CommandContext(ctx, "sleep", "10").Run()
	fmt.Println(err, ctx.Err(), time.Since(start) < 5*time.Second)

	sleeper := exec.Command("sleep", "10")
	sleeper.Start()
	sleeper.Process.Kill()
	fmt.Println(sleeper.Wait(), sleeper.ProcessState.ExitCode())

	// A signal the parent catches is back at its default action in the child:
	// the SIGUSR1 it sends itself kills it. One the parent ignores (os/signal's
	// Ignore) stays ignored across the exec, as under gc.
	err = exec.Command("sh", "-c", "kill -USR1 $$; sleep 1").Run()
	fmt.Println(err)
	signal.Ignore(syscall.SIGTERM)
	err = exec.Command("sh", "-c", "kill -TERM $$; echo survived").Run()
	fmt.Println(err)
	fmt.Println(os.Getpid() > 1)
}
