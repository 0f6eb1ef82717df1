# Reads tipx's SDMX 2.1 REST service with rsdmx, as an R user would, and writes what it read as CSV
# for RsdmxClientTest to compare with /v1/statistics. docs/sdmx.md shows the same calls.
#
#   Rscript read-tipx.R BASE_URL OUT_DIR KEY...
#   BASE_URL  e.g. http://localhost:8080/sdmx/2.1
#   OUT_DIR   gets dataflows.csv, dimensions.csv, codes.csv and data-1.csv, data-2.csv, ... (one per KEY)
suppressPackageStartupMessages(library(rsdmx))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: read-tipx.R BASE_URL OUT_DIR KEY...")
base <- args[1]
out <- args[2]
keys <- args[-(1:2)]

# tipx as an rsdmx service provider: the SDMX 2.1 REST request builder, registry and data at one URL.
addSDMXServiceProvider(SDMXServiceProvider(
  agencyId = "TIPX", name = "tipx",
  builder = SDMXREST21RequestBuilder(regUrl = base, repoUrl = base, compliant = TRUE)))

flows <- as.data.frame(readSDMX(providerId = "TIPX", resource = "dataflow"))
write.csv(flows[, c("id", "agencyID", "version", "dsdRef")], file.path(out, "dataflows.csv"), row.names = FALSE)

dsd <- readSDMX(providerId = "TIPX", resource = "datastructure",
                agencyId = "TIPX", resourceId = "DSD_THB", version = "1.0")
components <- slot(dsd, "datastructures")@datastructures[[1]]@Components
dimensions <- components@Dimensions
write.csv(data.frame(id = sapply(dimensions, function(d) d@conceptRef),
                     codelist = sapply(dimensions, function(d) d@codelist)),
          file.path(out, "dimensions.csv"), row.names = FALSE)
codelists <- slot(dsd, "codelists")
codes <- do.call(rbind, lapply(codelists@codelists, function(cl) {
  listed <- as.data.frame(codelists, codelistId = cl@id)
  data.frame(codelist = cl@id, id = listed$id, name = listed$name.en)
}))
write.csv(codes, file.path(out, "codes.csv"), row.names = FALSE)

for (i in seq_along(keys)) {
  data <- readSDMX(providerId = "TIPX", resource = "data", flowRef = "TIPX,DF_THB,1.0", key = keys[i])
  write.csv(as.data.frame(data), file.path(out, paste0("data-", i, ".csv")), row.names = FALSE)
}
cat("read", length(keys), "data sets\n")
