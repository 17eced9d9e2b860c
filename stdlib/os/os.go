// Package os: the parts of Go's os a program may use: Exit, Args, Getenv,
// LookupEnv, Stdin/Stdout/Stderr as *File, Open, Create, OpenFile, ReadFile,
// WriteFile, Remove, and *PathError. System calls are natives in
// stdlib/os_natives.cc returning an errno (0 for success).
// Not yet: directories, Stat/FileInfo, Chdir, process attributes beyond Getpid.
package os

import (
	"errors"
	"io"
)

// Args hold the command-line arguments, starting with the program name.
var Args = runtime_args()

// runtime_args returns a fresh copy of the program's arguments (rt::Args()).
func runtime_args() []string

// Exit causes the current program to exit with the given status code. Deferred
// functions are not run.
func Exit(code int)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// A FileMode represents a file's mode and permission bits.
type FileMode uint32

// Portable analogs of some common system call errors.
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Errno is a system call error number, printed as the C library spells it in
// Go's lower-case form ("no such file or directory").
type Errno uintptr

func (e Errno) Error() string { return errstr(int(e)) }

func (e Errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 1 || e == 13
	case ErrExist:
		return e == 17 || e == 39
	case ErrNotExist:
		return e == 2
	}
	return false
}

// File represents an open file descriptor.
type File struct {
	fd     int
	name   string
	closed bool
}

// Standard input, output and error.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Fd returns the integer Unix file descriptor.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, errno := sysWrite(f.fd, b)
	if errno != 0 {
		return n, &PathError{Op: "write", Path: f.name, Err: Errno(errno)}
	}
	if n != len(b) {
		return n, io.ErrShortWrite
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes from the File; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, errno := sysRead(f.fd, b)
	if errno != 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: Errno(errno)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Close closes the File.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if errno := sysClose(f.fd); errno != 0 {
		return &PathError{Op: "close", Path: f.name, Err: Errno(errno)}
	}
	return nil
}

// OpenFile opens the named file with the given flag and permission bits.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, errno := sysOpen(name, flag, int(perm))
	if errno != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(errno)}
	}
	return NewFile(uintptr(fd), name), nil
}

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file, mode 0666 before umask.
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// ReadFile reads the named file and returns its contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, 512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	if errno := sysUnlink(name); errno != 0 {
		return &PathError{Op: "remove", Path: name, Err: Errno(errno)}
	}
	return nil
}

// Getenv retrieves the value of the environment variable named by the key.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the key and
// whether it is present.
func LookupEnv(key string) (string, bool) {
	v, found := sysGetenv(key)
	return v, found != 0
}

// Getpid returns the process id of the caller.
func Getpid() int

// IsNotExist reports whether err says a file does not exist.
func IsNotExist(err error) bool {
	return underlyingErrorIs(err, ErrNotExist)
}

// IsExist reports whether err says a file already exists.
func IsExist(err error) bool {
	return underlyingErrorIs(err, ErrExist)
}

// IsPermission reports whether err says permission was denied.
func IsPermission(err error) bool {
	return underlyingErrorIs(err, ErrPermission)
}

func underlyingErrorIs(err, target error) bool {
	if err == target {
		return true
	}
	if pe, ok := err.(*PathError); ok {
		err = pe.Err
	}
	e, ok := err.(Errno)
	return ok && e.Is(target)
}

func sysWrite(fd int, b []byte) (n int, errno int)
func sysRead(fd int, b []byte) (n int, errno int)
func sysOpen(name string, flag int, perm int) (fd int, errno int)
func sysClose(fd int) (errno int)
func sysUnlink(name string) (errno int)
func sysGetenv(key string) (value string, found int)
func errstr(errno int) string
