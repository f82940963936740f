from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_integration.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_apigatewayv2_integration" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  api_id\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n  integration_type\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype'):
        pass
        yield '  integration_subtype\x00= '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri'):
        pass
        yield '  integration_uri\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials'):
        pass
        yield '  credentials_arn\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters'):
        pass
        yield '  request_parameters\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters')))
        yield '\n'
    yield '  payload_format_version\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'payload_version')))
    yield '\n}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&5=34&6=37&8=39&9=42&11=44&12=47&14=49&15=52&17=55'
