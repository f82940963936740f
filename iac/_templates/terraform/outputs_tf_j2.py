from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'outputs.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_outputs = resolve('outputs')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    pass
    yield '# iac app '
    yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'))
    yield ': outputs.\n'
    for l_1_o in (undefined(name='outputs') if l_0_outputs is missing else l_0_outputs):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getattr(l_1_o, 'comment'))
        yield '\noutput "'
        yield str(environment.getattr(l_1_o, 'name'))
        yield '" {\n  description\x00= '
        yield str(t_1(environment.getattr(l_1_o, 'description')))
        yield '\n  value\x00= '
        yield str(environment.getattr(l_1_o, 'value'))
        yield '\n}\n'
    l_1_o = missing

blocks = {}
debug_info = '1=20&2=22&4=26&5=28&6=30&7=32'
