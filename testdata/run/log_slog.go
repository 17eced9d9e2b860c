// run
// gojit-timeout: 180

// log/slog, Go's own: text and JSON handlers, levels, groups, With and
// WithGroup, LogValuer, ReplaceAttr dropping the time, slices and maps as values.

package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"time"
)

type user struct {
	ID   int
	Name string
}

func (u user) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

func main() {
	opts := &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	text := slog.New(slog.NewTextHandler(os.Stdout, opts))
	text.Info("hello", "count", 3, "pi", 3.14159, "ok", true, "d", 1500*time.Millisecond)
	text.Debug("debugging", slog.Group("req", "method", "GET", "path", "/x"))
	text.With("svc", "api").WithGroup("g").Warn("careful", "user", user{7, "ann"}, "err", errors.New("boom"))
	js := slog.New(slog.NewJSONHandler(os.Stdout, opts))
	js.Error("failed", "attempts", []int{1, 2}, "m", map[string]int{"a": 1}, "user", user{1, "bob"})
	js.LogAttrs(context.Background(), slog.LevelInfo, "attrs", slog.Any("nil", nil), slog.Duration("dur", time.Second))
	text.Info("quoted", "s", "has space", "q", `a"b`)
}
