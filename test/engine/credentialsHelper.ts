import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';


export interface SentRequest {
	method: string;
	url: string;
}

/**
 * Hands n8n the test credential and applies the credential type's own `authenticate`
 * block, as n8n's CredentialsHelper does. `hostRoutes` sends requests aimed at a real
 * region to the sandbox, after recording the URL the node asked for.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly sent: SentRequest[] = [];
	/** How often n8n or the node asked for the decrypted credential. */
	reads = 0;

	constructor(
		private readonly credentialType: ICredentialType,
		private readonly data: ICredentialDataDecryptedObject,
		private readonly hostRoutes: Record<string, string> = {},
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.credentialType.authenticate as IAuthenticateGeneric;
		const headers = authenticate.properties.headers ?? {};
		options.headers = { ...(options.headers ?? {}) };
		if (!workflow || !node) throw new Error('authenticate() needs the workflow and node');
		for (const [name, template] of Object.entries(headers)) {
			options.headers[name] = workflow.expression.getSimpleParameterValue(
				node,
				template as string,
				'internal',
				{ $credentials: credentials },
			);
		}
		const target = `${options.baseURL ?? ''}${options.url}`;
		this.sent.push({ method: String(options.method ?? 'GET'), url: target });
		for (const [origin, replacement] of Object.entries(this.hostRoutes)) {
			if (options.baseURL?.startsWith(origin)) {
				options.baseURL = replacement + options.baseURL.slice(origin.length);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		_type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}
