// Validates an OpenAPI document with @apidevtools/swagger-parser: the schema of its OpenAPI
// version, then every $ref. Prints "valid" and exits 0, or prints the problems and exits 1.
// Usage: node validate.js FILE
const SwaggerParser = require("@apidevtools/swagger-parser");

SwaggerParser.validate(process.argv[2])
  .then((api) => {
    console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths`);
  })
  .catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
