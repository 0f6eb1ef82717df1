# Reads one tipx CSV answer from its URL with R's defaults, read.csv(url) or readr::read_csv(url),
# and prints what an R user sees, one key=value a line; DataToolsOverHttpTest asserts on it.
#   Rscript read_csv.R URL base|readr
args <- commandArgs(trailingOnly = TRUE)
url <- args[1]
if (args[2] == "readr") {
  frame <- as.data.frame(readr::read_csv(url, show_col_types = FALSE, progress = FALSE))
  cat("reader=readr ", as.character(packageVersion("readr")), "\n", sep = "")
} else {
  frame <- read.csv(url)
  cat("reader=read.csv ", R.version.string, "\n", sep = "")
}
cat("columns=", paste(names(frame), collapse = ","), "\n", sep = "")
cat("year_numeric=", tolower(is.numeric(frame$year)), "\n", sep = "")
cat("missing_codes=", sum(is.na(frame$citizenship)), "\n", sep = "")
namibia <- frame[!is.na(frame$citizenship) & frame$citizenship == "NAM", ]
for (i in seq_len(nrow(namibia))) {
  value <- if (is.na(namibia$OBS_VALUE[i])) "" else format(namibia$OBS_VALUE[i], scientific = FALSE)
  cat("namibia=", namibia$citizenship[i], "|", namibia$citizenship_label[i], "|", value, "|",
      format(namibia$year[i], scientific = FALSE), "\n", sep = "")
}
turkiye <- frame[!is.na(frame$citizenship) & frame$citizenship == "TUR", ]
for (i in seq_len(nrow(turkiye))) cat("turkiye=", turkiye$citizenship_label[i], "\n", sep = "")
for (column in c("measure", "sex", "release")) {
  cat(column, "=", paste(sort(unique(as.character(frame[[column]]))), collapse = "|"), "\n", sep = "")
}
