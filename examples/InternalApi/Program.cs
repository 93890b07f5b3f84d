using InternalApi;
using Pulumi;

return await Deployment.RunAsync(InternalApiProgram.Run);
