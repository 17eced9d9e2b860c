// Package syscall: the few Linux system calls that programs run under gojit use
// directly (process and thread ids, signals to a process). The natives are in
// stdlib/syscall_natives.cc.
package syscall

// A Signal is a number describing a process signal.
type Signal int

// Signals (linux/amd64 numbering).
const (
	SIGHUP  = Signal(0x1)
	SIGINT  = Signal(0x2)
	SIGQUIT = Signal(0x3)
	SIGKILL = Signal(0x9)
	SIGUSR1 = Signal(0xa)
	SIGUSR2 = Signal(0xc)
	SIGPIPE = Signal(0xd)
	SIGALRM = Signal(0xe)
	SIGTERM = Signal(0xf)
)

// Signal implements os.Signal.
func (s Signal) Signal() {}

func (s Signal) String() string {
	switch s {
	case SIGHUP:
		return "hangup"
	case SIGINT:
		return "interrupt"
	case SIGQUIT:
		return "quit"
	case SIGKILL:
		return "killed"
	case SIGUSR1:
		return "user defined signal 1"
	case SIGUSR2:
		return "user defined signal 2"
	case SIGPIPE:
		return "broken pipe"
	case SIGALRM:
		return "alarm clock"
	case SIGTERM:
		return "terminated"
	}
	return "signal " + itoa(int(s))
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string { return errstr(int(e)) }

// Getpid returns the process id of the caller.
func Getpid() int

// Getppid returns the process id of the caller's parent.
func Getppid() int

// Gettid returns the id of the calling thread.
func Gettid() int

// Kill sends signal sig to the process pid.
func Kill(pid int, sig Signal) error {
	if e := kill(pid, int(sig)); e != 0 {
		return Errno(e)
	}
	return nil
}

func kill(pid int, sig int) (errno int)
func errstr(errno int) string
