// The benchmark harness (bench/, against oidc-provider) is delivered by the benchmark issue.
process.stderr.write("npm run bench: the benchmark harness is not built yet (see the open benchmark issue).\n");
process.exit(1);
