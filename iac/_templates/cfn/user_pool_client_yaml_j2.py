from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'user_pool_client.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    pass
    yield '    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      UserPoolId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pool')))
    yield '\n      GenerateSecret: false\n      ExplicitAuthFlows:\n        - ALLOW_USER_SRP_AUTH\n        - ALLOW_REFRESH_TOKEN_AUTH\n      PreventUserExistenceErrors: ENABLED\n      EnableTokenRevocation: true\n'

blocks = {}
debug_info = '3=19&4=21'
