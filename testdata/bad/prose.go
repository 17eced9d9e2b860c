This is not a Go program. It is a paragraph of English text
that happens to sit in a file whose name ends in .go.
