exports.handler = async (event) => {
  console.log("greeting", event.name);
  return { greeting: `hello ${event.name}`, region: process.env.AWS_REGION };
};
